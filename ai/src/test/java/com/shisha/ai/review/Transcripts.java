package com.shisha.ai.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The realistic call transcripts under src/test/resources/review. */
final class Transcripts {

    static final String GOOD_EN = read("good-loan-call-en.txt");
    static final String POOR_EN = read("poor-card-call-en.txt");
    static final String HINGLISH = read("hinglish-insurance-call.txt");
    static final String HINDI = read("hindi-loan-call.txt");

    private Transcripts() {
    }

    static String read(String name) {
        try (InputStream in = Transcripts.class.getClassLoader().getResourceAsStream("review/" + name)) {
            if (in == null) {
                throw new IllegalStateException("review/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
