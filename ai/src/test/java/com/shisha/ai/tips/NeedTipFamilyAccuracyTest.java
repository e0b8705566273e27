package com.shisha.ai.tips;

import com.shisha.core.Product;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The need read from labelled lead notes (tips/lead-notes.md), with the lead's product as it comes with the lead. */
class NeedTipFamilyAccuracyTest {

    private record Labelled(TipFamily family, Product product, String note) {

        String language() {
            if (note.codePoints().anyMatch(c -> c >= 0x0900 && c <= 0x097F)) {
                return "hi";
            }
            // Hinglish notes use Hindi function words in Latin letters
            return note.toLowerCase().matches(".*\\b(hai|hain|h|chahiye|ka|ki|ke|ko|me|mein|nahi|lena|karna|se|pe|unpe)\\b.*")
                    ? "hinglish" : "en";
        }
    }

    private static List<Labelled> labelled() throws IOException {
        return labelled("tips/lead-notes.md");
    }

    private static List<Labelled> labelled(String resource) throws IOException {
        String text;
        try (InputStream in = NeedTipFamilyAccuracyTest.class.getClassLoader().getResourceAsStream(resource)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Labelled> rows = new ArrayList<>();
        TipFamily family = null;
        for (String line : text.split("\\R")) {
            if (line.startsWith("## ")) {
                family = TipFamily.ofCode(line.substring(3));
            } else if (line.startsWith("- ")) {
                String[] parts = line.substring(2).split("\\|", 2);
                Product product = switch (parts[0].strip()) {
                    case "loans" -> Product.LOANS;
                    case "credit_cards" -> Product.CREDIT_CARDS;
                    case "insurance" -> Product.INSURANCE;
                    case "savings" -> Product.SAVINGS_ACCOUNTS;
                    case "demat" -> Product.DEMAT;
                    default -> throw new IllegalStateException(line);
                };
                rows.add(new Labelled(family, product, parts[1].strip()));
            }
        }
        return rows;
    }

    @Test
    void theNeedIsReadRightInAtLeast95PercentOfNotes() throws IOException {
        NeedClassifier classifier = NeedClassifier.fromClasspath();
        List<Labelled> rows = labelled();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(100);
        int right = 0, rightNoteOnly = 0, multi = 0, rightMulti = 0;
        Map<String, int[]> byLanguage = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (Labelled row : rows) {
            TipFamily got = classifier.classify(row.note(), null, row.product()).family();
            boolean ok = got == row.family();
            right += ok ? 1 : 0;
            int[] lang = byLanguage.computeIfAbsent(row.language(), l -> new int[2]);
            lang[0] += ok ? 1 : 0;
            lang[1]++;
            if (TipFamily.of(row.product()).size() > 1) {
                multi++;
                rightMulti += ok ? 1 : 0;
            }
            rightNoteOnly += classifier.classifyAny(row.note()).family() == row.family() ? 1 : 0;
            if (!ok) {
                wrong.add(row.family().code() + " read as " + got.code() + ": " + row.note());
            }
        }
        double accuracy = (double) right / rows.size();
        System.out.printf("need families: %d/%d right (%.1f %%); loans and insurance alone %d/%d (%.1f %%);"
                        + " from the note alone, without the product, %d/%d (%.1f %%)%n", right, rows.size(), 100 * accuracy,
                rightMulti, multi, 100.0 * rightMulti / multi, rightNoteOnly, rows.size(), 100.0 * rightNoteOnly / rows.size());
        byLanguage.forEach((l, c) -> System.out.printf("  %s: %d/%d%n", l, c[0], c[1]));
        wrong.forEach(w -> System.out.println("  wrong: " + w));
        assertThat(accuracy).as("right tip family; misread: %s", wrong).isGreaterThanOrEqualTo(0.95);
        byLanguage.forEach((l, c) -> assertThat((double) c[0] / c[1]).as(l).isGreaterThanOrEqualTo(0.9));
    }

    /** Reported, with a lower bar: these notes were written after the method was final and are never tuned on. */
    @Test
    void heldOutNotes() throws IOException {
        NeedClassifier classifier = NeedClassifier.fromClasspath();
        List<Labelled> rows = labelled("tips/lead-notes-heldout.md");
        int right = 0;
        for (Labelled row : rows) {
            TipFamily got = classifier.classify(row.note(), null, row.product()).family();
            if (got == row.family()) {
                right++;
            } else {
                System.out.println("  held out, wrong: " + row.family().code() + " read as " + got.code() + ": " + row.note());
            }
        }
        System.out.printf("need families, held out: %d/%d right (%.1f %%)%n", right, rows.size(), 100.0 * right / rows.size());
        long start = System.nanoTime();
        int reads = 0;
        for (int round = 0; round < 50; round++) {
            for (Labelled row : rows) {
                classifier.classify(row.note(), null, row.product());
                reads++;
            }
        }
        System.out.printf("need families: %.1f µs per note (after warm-up)%n", (System.nanoTime() - start) / 1000.0 / reads);
        assertThat((double) right / rows.size()).isGreaterThanOrEqualTo(0.8);
    }
}
