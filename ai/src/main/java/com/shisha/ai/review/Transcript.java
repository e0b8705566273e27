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

    /**
     * One sentence, or one window of an unpunctuated run of speech.
     *
     * @param normalised the sound keys of its words ({@link Cues#keys(String)})
     */
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
    /**
     * A partner dictating or summarising a call reports the customer's words ("customer bola mehenga hai",
     * "ग्राहक बोली ..."): such a line is the customer's even without a label.
     */
    private static final Cues NARRATED = Cues.of("customer said", "customer says", "customer bola", "customer boli",
            "customer ne kaha", "customer ne bola", "grahak bola", "grahak boli", "grahak ne kaha", "he said",
            "she said", "ग्राहक बोला", "ग्राहक बोली", "ग्राहक बोले", "ग्राहक ने कहा", "ग्राहक ने बोला");

    private static String firstWords(String line) {
        String[] w = line.trim().split("\\s+");
        return String.join(" ", java.util.Arrays.copyOfRange(w, 0, Math.min(4, w.length)));
    }

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.?!।|])\\s+");
    /**
     * Speech-to-text gives one unpunctuated run per utterance. Longer runs are cut into windows the size of a
     * spoken sentence so that "a question" or "an objection and its answer" stay local: at a conjunction or
     * filler that starts a new clause (before it) or after a form of address, and at the latest after
     * {@link #MAX_WINDOW} words. Not at "nahi": Hindi puts the negation after what it negates.
     */
    static final int MAX_WINDOW = 14;
    private static final int MIN_WINDOW = 4;
    private static final Cues STARTS_CLAUSE = Cues.of("and", "but", "so", "because", "also", "actually", "okay",
            "ok", "now", "then", "aur", "lekin", "par", "to", "toh", "kyunki", "isliye", "achha", "accha", "acha",
            "dekhiye", "haan", "yes", "matlab", "और", "लेकिन", "पर", "तो", "क्योंकि", "इसलिए", "अच्छा", "देखिए", "हाँ");
    private static final Cues ENDS_CLAUSE = Cues.of("sir", "madam", "maam", "ji", "सर", "जी", "मैडम");

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
            if (speaker == Speaker.UNKNOWN && NARRATED.in(Cues.keys(firstWords(line[1])))) {
                speaker = Speaker.CUSTOMER;
            }
            for (String part : SENTENCE_END.split(line[1])) {
                for (String window : windows(part)) {
                    sentences.add(new Sentence(sentences.size(), speaker, window, Cues.keys(window)));
                }
            }
        }
        return new Transcript(sentences);
    }

    static List<String> windows(String part) {
        String[] words = part.trim().split("\\s+");
        List<String> out = new ArrayList<>();
        if (part.isBlank()) {
            return out;
        }
        if (words.length <= MAX_WINDOW) {
            out.add(part.trim());
            return out;
        }
        int start = 0;
        for (int i = 1; i <= words.length; i++) {
            int size = i - start;
            boolean cut = i == words.length || size >= MAX_WINDOW;
            if (!cut && size >= MIN_WINDOW && words.length - i >= MIN_WINDOW) {
                cut = STARTS_CLAUSE.in(Cues.keys(words[i])) && !ENDS_CLAUSE.in(Cues.keys(words[i - 1]))
                        || ENDS_CLAUSE.in(Cues.keys(words[i - 1])) && i - start > 1;
            }
            if (cut) {
                out.add(String.join(" ", java.util.Arrays.copyOfRange(words, start, i)));
                start = i;
            }
        }
        return out;
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
