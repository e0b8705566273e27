package com.shisha.ai.coach;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The hand-written paraphrased questions with the section each must find (kb/paraphrases.tsv). */
record Paraphrases(String question, String sectionId) {

    static List<Paraphrases> load() {
        try (InputStream in = Paraphrases.class.getClassLoader().getResourceAsStream("kb/paraphrases.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .filter(l -> !l.isBlank()).map(l -> l.split("\t"))
                    .map(f -> new Paraphrases(f[0].strip(), f[1].strip())).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean isHindi() {
        return question.chars().anyMatch(c -> c >= 0x0900 && c <= 0x097F);
    }
}
