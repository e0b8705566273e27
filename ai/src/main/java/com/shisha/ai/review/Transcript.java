package com.shisha.ai.review;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A call transcript cut into sentences, each with its speaker when the transcript names speakers
 * ("Partner: ...", "Customer: ..."). Speech-to-text output names nobody; then every sentence is
 * {@link Speaker#UNKNOWN} and counts as evidence for either side.
 */
final class Transcript {

    enum Speaker { PARTNER, CUSTOMER, UNKNOWN }

    record Sentence(int index, Speaker speaker, String text, String normalised) {
        boolean byPartner() {
            return speaker != Speaker.CUSTOMER;
        }

        boolean byCustomer() {
            return speaker != Speaker.PARTNER;
        }

        /** Short enough to keep as evidence. */
        String quote() {
            return text.length() <= 160 ? text : text.substring(0, 157) + "...";
        }
    }

    private static final Pattern LABEL = Pattern.compile("^\\s*([\\p{L}\\p{M} .]{1,24}?)\\s*[:：]\\s*(.*)$");
    private static final Set<String> CUSTOMER_LABELS = Set.of("customer", "client", "lead", "cust", "prospect", "c",
            "grahak", "ग्राहक", "कस्टमर");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.?!।|])\\s+");

    private final List<Sentence> sentences;

    private Transcript(List<Sentence> sentences) {
        this.sentences = List.copyOf(sentences);
    }

    List<Sentence> sentences() {
        return sentences;
    }

    int wordCount() {
        return sentences.stream().mapToInt(s -> s.text().split("\\s+").length).sum();
    }

    static Transcript parse(String text) {
        List<String[]> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = LABEL.matcher(line);
            if (m.matches() && !m.group(2).isBlank()) {
                lines.add(new String[]{m.group(1).trim().toLowerCase(Locale.ROOT), m.group(2).trim()});
            } else {
                lines.add(new String[]{null, line.trim()});
            }
        }
        Roles roles = Roles.of(lines);
        List<Sentence> sentences = new ArrayList<>();
        for (String[] line : lines) {
            Speaker speaker = roles.of(line[0]);
            for (String part : SENTENCE_END.split(line[1])) {
                if (!part.isBlank()) {
                    sentences.add(new Sentence(sentences.size(), speaker, part.trim(), Cues.normalise(part)));
                }
            }
        }
        return new Transcript(sentences);
    }

    /**
     * Who is who: a customer label is a customer; when no line carries one but exactly two labels occur, the first
     * to speak is the partner (the partner places the call). Any other label is the partner. Fewer than two
     * labelled lines: nobody is named.
     */
    private record Roles(boolean named, Set<String> customers) {
        static Roles of(List<String[]> lines) {
            List<String> labels = new ArrayList<>();
            long labelled = lines.stream().filter(l -> l[0] != null).count();
            for (String[] l : lines) {
                if (l[0] != null && !labels.contains(l[0])) {
                    labels.add(l[0]);
                }
            }
            if (labelled < 2) {
                return new Roles(false, Set.of());
            }
            Set<String> customers = new HashSet<>();
            labels.stream().filter(CUSTOMER_LABELS::contains).forEach(customers::add);
            if (customers.isEmpty() && labels.size() == 2) {
                customers.add(labels.get(1));
            }
            return new Roles(true, customers);
        }

        Speaker of(String label) {
            if (!named || label == null) {
                return Speaker.UNKNOWN;
            }
            return customers.contains(label) ? Speaker.CUSTOMER : Speaker.PARTNER;
        }
    }
}
