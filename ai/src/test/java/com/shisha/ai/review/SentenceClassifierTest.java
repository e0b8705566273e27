package com.shisha.ai.review;

import com.shisha.ai.review.SentenceClassifier.Label;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SentenceClassifierTest {

    private static List<String> training() throws IOException {
        try (InputStream in = SentenceClassifierTest.class.getResourceAsStream("/review/sentences.tsv")) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }

    /**
     * Each training sentence classified by a model trained on all the others: how often a label the scorer acts
     * on (one at least {@link SentenceClassifier#MIN_PROBABILITY} sure) is right.
     */
    @Test
    void leave_one_out_a_sure_label_is_mostly_right() throws IOException {
        List<String> lines = training();
        int sure = 0;
        int right = 0;
        for (int i = 0; i < lines.size(); i++) {
            List<String> rest = new ArrayList<>(lines);
            String[] held = rest.remove(i).split("\t", 2);
            Map<Label, Double> p = SentenceClassifier.train(rest).probabilities(Cues.keys(held[1]));
            Map.Entry<Label, Double> best = p.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            if (best.getValue() >= SentenceClassifier.MIN_PROBABILITY) {
                sure++;
                right += best.getKey().name().equals(held[0]) ? 1 : 0;
            }
        }
        System.out.printf("sentence classifier, leave-one-out on %d sentences: %d sure, %d of them right (%.1f%%)%n",
                lines.size(), sure, right, 100.0 * right / sure);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(150);
        assertThat((double) right / sure).isGreaterThanOrEqualTo(0.85);
        assertThat((double) sure / lines.size()).isGreaterThanOrEqualTo(0.6);
    }

    @Test
    void one_model_reads_english_hinglish_and_devanagari_paraphrases() {
        SentenceClassifier<Label> c = SentenceClassifier.trained();
        assertThat(c.classify(Cues.keys("how much do you usually spend on shopping in a month"))).isEqualTo(Label.NEED);
        assertThat(c.classify(Cues.keys("ghar mein aap par kaun kaun depend karta hai"))).isEqualTo(Label.NEED);
        assertThat(c.classify(Cues.keys("आपके बच्चे कितने हैं और उनकी पढ़ाई का क्या प्लान है"))).isEqualTo(Label.NEED);
        assertThat(c.classify(Cues.keys("the joining fee is five hundred rupees"))).isEqualTo(Label.COST);
        assertThat(c.classify(Cues.keys("main aapko abhi link bhej deta hoon"))).isEqualTo(Label.NEXT);
        assertThat(c.classify(Cues.keys("okay"))).isEqualTo(Label.OTHER);
    }
}
