package com.shisha.dialogs.understanding;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The understanding step on the labelled set (written apart from the training data, from how partners write):
 * at least 95 % of the messages of each language understood wholly (intent and slots).
 */
class UnderstandingAccuracyTest {

    static final String LABELLED = "understanding/labelled.md";

    @Test
    void understandsAtLeast95PercentOfEachLanguage() {
        List<Examples.Example> labelled = Examples.read(LABELLED);
        assertThat(labelled).hasSizeGreaterThanOrEqualTo(800);
        List<Evaluation.Result> results = Evaluation.run(Understanding.standard(), labelled);
        Map<Examples.Lang, double[]> byLanguage = Evaluation.accuracyByLanguage(results);
        assertThat(byLanguage).containsOnlyKeys(Examples.Lang.values());
        String report = Evaluation.report(results) + Evaluation.failures(results);
        byLanguage.forEach((lang, c) -> assertThat(c[0] / c[1]).as("%s accuracy%n%s", lang, report).isGreaterThanOrEqualTo(0.95));
    }

    @Test
    void theLabelledSetHasAtLeast40MessagesPerIntentInRoughlyEqualLanguages() {
        List<Examples.Example> labelled = Examples.read(LABELLED);
        Map<String, Long> perIntent = labelled.stream().collect(java.util.stream.Collectors.groupingBy(Examples.Example::intent,
                java.util.stream.Collectors.counting()));
        perIntent.forEach((intent, n) -> assertThat(n).as(intent).isGreaterThanOrEqualTo(40));
        Map<Examples.Lang, Long> perLang = labelled.stream().collect(java.util.stream.Collectors.groupingBy(Examples.Example::lang,
                java.util.stream.Collectors.counting()));
        perLang.values().forEach(n -> assertThat(n).isBetween(labelled.size() / 4L, labelled.size() / 2L));
    }

    /**
     * Short messages ("hi", "menu", "हाँ") are written the same way by anyone, so a third of the labelled set also
     * appears in the training data. The rest, messages the classifier never saw, must be understood as well.
     */
    @Test
    void understandsTheLabelledMessagesThatAreNotInTheTrainingData() {
        java.util.Set<String> training = Understanding.TRAINING.stream().flatMap(r -> Examples.read(r).stream())
                .map(e -> Keys.clean(e.text())).collect(java.util.stream.Collectors.toSet());
        List<Examples.Example> unseen = Examples.read(LABELLED).stream()
                .filter(e -> !training.contains(Keys.clean(e.text()))).toList();
        assertThat(unseen).hasSizeGreaterThan(700);
        List<Evaluation.Result> results = Evaluation.run(Understanding.standard(), unseen);
        Map<Examples.Lang, double[]> byLanguage = Evaluation.accuracyByLanguage(results);
        String report = Evaluation.report(results);
        byLanguage.forEach((lang, c) -> assertThat(c[0] / c[1]).as("%s accuracy on %d unseen messages%n%s", lang, (int) c[1], report)
                .isGreaterThanOrEqualTo(0.95));
    }
}
