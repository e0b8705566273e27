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
 * the guide's text. Key sentences are the section's opening statement and then the bullets sharing the most words
 * with the question, kept in the section's own order so the text still reads as the guide wrote it.
 */
final class PassagesAnswer {

    private PassagesAnswer() {
    }

    /** @param sources the sections the text names, the best first */
    record Composed(String text, List<String> sources) {
    }

    /** @param sections the retrieved sections in the answer's language, best first (at least one) */
    static Composed compose(Language language, String question, List<KbSection> sections, int maxChars) {
        KbSection best = sections.get(0);
        List<String> ids = sections.stream().map(KbSection::id).toList();
        String tail = "\n" + CoachMessages.sources(language) + " [" + best.id() + "]";
        String intro = CoachMessages.busy(language) + "\n*" + best.title() + "*\n";
        int room = maxChars - intro.length() - tail.length();
        List<String> statements = best.statements();
        List<Integer> chosen = keySentences(question, statements, room);
        StringBuilder body = new StringBuilder(intro);
        for (int i : chosen) {
            body.append(i == 0 ? "" : "\n- ").append(statements.get(i));
        }
        String seeAlso = ids.size() > 1 ? "\n" + CoachMessages.seeAlso(language) + " " + sections.get(1).title() + " [" + ids.get(1) + "]" : "";
        String full = body + tail;
        if (!seeAlso.isEmpty() && full.length() + seeAlso.length() <= maxChars) {
            return new Composed(body + seeAlso + tail, List.of(best.id(), ids.get(1)));
        }
        String fitted = Fit.withTail(body.toString(), tail, maxChars);
        return new Composed(fitted, fitted.contains("[" + best.id() + "]") ? List.of(best.id()) : List.of());
    }

    private static List<Integer> keySentences(String question, List<String> statements, int room) {
        Set<String> asked = new HashSet<>(LexicalIndex.words(question));
        List<Integer> byRelevance = IntStream.range(1, statements.size()).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> -LexicalIndex.words(statements.get(i)).stream().filter(asked::contains).count())
                        .thenComparingInt(i -> i))
                .toList();
        List<Integer> chosen = new ArrayList<>();
        chosen.add(0);
        int used = statements.get(0).length();
        for (int i : byRelevance) {
            int cost = statements.get(i).length() + 3;
            if (used + cost <= room) {
                chosen.add(i);
                used += cost;
            }
        }
        chosen.sort(Integer::compare);
        return chosen;
    }
}
