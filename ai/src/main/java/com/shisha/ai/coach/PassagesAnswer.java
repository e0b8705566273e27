package com.shisha.ai.coach;

import com.shisha.core.Language;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The answer without the model: the best section's key sentences, in the partner's language, introduced plainly as
 * the guide's text. Key sentences are the section's first sentence and then the sentences and bullets sharing the
 * most words with the question, kept in the section's own order so the text still reads as the guide wrote it.
 */
final class PassagesAnswer {

    /** Below this a channel (SMS) has no room for the section title as well as its content. */
    private static final int TITLE_FROM_CHARS = 400;

    private PassagesAnswer() {
    }

    /** @param sources the sections the text names, the best first */
    record Composed(String text, List<String> sources) {
    }

    /** One sentence of the intro paragraph, or one bullet. */
    private record Unit(String text, boolean bullet) {
    }

    /** @param sections the retrieved sections in the answer's language, best first (at least one) */
    static Composed compose(Language language, String question, List<KbSection> sections, int maxChars) {
        KbSection best = sections.get(0);
        String tail = "\n" + CoachMessages.sources(language) + " [" + best.id() + "]";
        String intro = CoachMessages.busy(language) + "\n" + (maxChars >= TITLE_FROM_CHARS ? "*" + best.title() + "*\n" : "");
        List<Unit> units = units(best);
        List<Integer> chosen = keySentences(question, units, maxChars - intro.length() - tail.length());
        StringBuilder body = new StringBuilder(intro);
        for (int n = 0; n < chosen.size(); n++) {
            Unit unit = units.get(chosen.get(n));
            body.append(n == 0 ? "" : unit.bullet() ? "\n- " : " ").append(unit.text());
        }
        String seeAlso = sections.size() > 1
                ? "\n" + CoachMessages.seeAlso(language) + " " + sections.get(1).title() + " [" + sections.get(1).id() + "]" : "";
        if (!seeAlso.isEmpty() && body.length() + seeAlso.length() + tail.length() <= maxChars) {
            return new Composed(body + seeAlso + tail, List.of(best.id(), sections.get(1).id()));
        }
        String fitted = Fit.withTail(body.toString(), tail, maxChars);
        return new Composed(fitted, fitted.contains("[" + best.id() + "]") ? List.of(best.id()) : List.of());
    }

    private static List<Unit> units(KbSection section) {
        List<Unit> units = new ArrayList<>();
        List<String> statements = section.statements();
        // the intro paragraph is split into sentences so a small limit still gets whole sentences of it
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
