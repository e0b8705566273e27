package com.shisha.ai.coach;

import java.util.List;
import java.util.Map;

/**
 * Prints the figures of every labelled question set and, with an argument, the misses of those open to diagnosis:
 * the third and fourth held-out sets' stay unread, so that it keeps measuring questions nobody tuned for.
 */
final class RetrievalReport {

    public static void main(String[] args) {
        for (String resource : PartnerQuestions.ALL_SETS) {
            Map<String, RetrievalEvaluation.Figures> figures = RetrievalEvaluation.evaluate(PartnerQuestions.load(resource),
                    q -> SharedIndex.INDEX.search(q, 3), SectionIndex.ANSWERABLE);
            System.out.println(resource);
            figures.values().removeIf(f -> f.questions() == 0);
            figures.forEach((language, f) -> System.out.printf("  %s: %s%n", language, f));
            if (args.length > 0 && !PartnerQuestions.NEVER_TUNED_ON.contains(resource)) {
                figures.forEach((language, f) -> System.out.println("    " + String.join("\n    ", f.misses())));
            }
        }
    }
}
