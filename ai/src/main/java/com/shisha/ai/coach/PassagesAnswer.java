package com.shisha.ai.coach;

import com.shisha.core.Language;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The answer without the model: the best section's text, its key sentences first. Key sentences are the section's
 * first sentence and then the sentences and bullets sharing the most words with the question, kept in the section's
 * own order so the first page still reads as the guide wrote it; the rest of the section follows for MORE, and the
 * runner-up section is named last, for when the best was not what the partner meant.
 */
final class PassagesAnswer {

    private PassagesAnswer() {
    }

    /** @param sources the sections the text comes from, the best first */
    record Composed(String body, List<KbSection> sources) {
    }

    /** One sentence of the intro paragraph, or one bullet. */
    private record Unit(String text, boolean bullet) {
    }

    /**
     * @param sections the retrieved sections in the answer's language, best first (at least one)
     * @param keyRoom  characters the key sentences should fit in: what a channel shows before MORE
     */
    static Composed compose(Language language, String question, List<KbSection> sections, int keyRoom) {
        KbSection best = sections.get(0);
        List<Unit> units = units(best);
        List<Integer> key = keySentences(question, units, keyRoom);
        List<Integer> others = IntStream.range(0, units.size()).filter(i -> !key.contains(i)).boxed().toList();
        StringBuilder body = new StringBuilder();
        append(body, units, key);
        if (!others.isEmpty()) {
            body.append("\n");
            append(body, units, others);
        }
        if (sections.size() > 1) {
            body.append("\n").append(CoachMessages.seeAlso(language)).append(' ').append(sections.get(1).title());
        }
        return new Composed(body.toString(), List.of(best));
    }

    private static void append(StringBuilder body, List<Unit> units, List<Integer> chosen) {
        boolean first = true;
        for (int i : chosen) {
            Unit unit = units.get(i);
            if (unit.bullet()) {
                body.append(body.isEmpty() ? "- " : "\n- ");
            } else if (!first) {
                body.append(' ');
            }
            body.append(unit.text());
            first = false;
        }
    }

    private static List<Unit> units(KbSection section) {
        List<Unit> units = new ArrayList<>();
        List<String> statements = section.statements();
        // the intro paragraph is split into sentences so a small page still gets whole sentences of it
        for (String sentence : statements.get(0).split("(?<=[.!?।])\\s+")) {
            units.add(new Unit(sentence, false));
        }
        for (String bullet : statements.subList(1, statements.size())) {
            units.add(new Unit(bullet, true));
        }
        return units;
    }

    private static List<Integer> keySentences(String question, List<Unit> units, int room) {
        Set<String> asked = new HashSet<>(LexicalIndex.words(question));
        List<Integer> byRelevance = IntStream.range(1, units.size()).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> -LexicalIndex.words(units.get(i).text()).stream().filter(asked::contains).count())
                        .thenComparingInt(i -> i))
                .toList();
        List<Integer> chosen = new ArrayList<>();
        chosen.add(0);
        int used = units.get(0).text().length();
        for (int i : byRelevance) {
            int cost = units.get(i).text().length() + 3;
            if (used + cost <= room) {
                chosen.add(i);
                used += cost;
            }
        }
        chosen.sort(Integer::compare);
        return chosen;
    }
}
