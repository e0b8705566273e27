package com.shisha.dialogs.understanding;

import com.ibm.icu.text.Transliterator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Hindi half of scripts/gazetteer/build.mjs, kept with the code whose romanisation it must agree with and
 * out of the shipped jar. Reads lines {@code id, English name, former names, GeoNames name tagged Hindi, other
 * GeoNames Devanagari names, hand-checked Hindi name} (lists |-separated) and writes {@code id, Hindi name, source,
 * romanised Devanagari names}. The source is {@code man} (the build script's hand-checked list), {@code hi} (a
 * GeoNames name tagged Hindi), {@code dev} (a GeoNames Devanagari name with no language tag) or {@code gen}
 * (transliterated here from the English name, and so only a guess at the Hindi spelling).
 */
final class GazetteerBuildTool {

    private GazetteerBuildTool() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 3 && args[0].equals("lookalikes")) {
            lookalikes(java.nio.file.Path.of(args[1]), java.nio.file.Path.of(args[2]));
            return;
        }
        Transliterator toDevanagari = Transliterator.getInstance("Latin-Devanagari");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String id = f[0];
            String name = f[1];
            List<String> former = list(f[2]);
            String tagged = withoutDistrict(f[3]);
            List<String> others = list(f[4]);
            String curated = f[5].trim();
            List<String> sourced = new ArrayList<>();
            if (isPureDevanagari(tagged)) {
                sourced.add(tagged);
            }
            others.stream().map(GazetteerBuildTool::withoutDistrict).filter(GazetteerBuildTool::isPureDevanagari).forEach(sourced::add);
            // Devanagari names of the place under its former name (बम्बई for Mumbai) are spellings to recognise,
            // not the name to show
            List<String> current = new ArrayList<>();
            List<String> romanised = new ArrayList<>();
            if (isPureDevanagari(curated)) {
                romanised.add(capitalise(String.join(" ", PlaceKeys.words(curated))));
            }
            for (String d : sourced) {
                int toName = PlaceKeys.distance(PlaceKeys.key(d), PlaceKeys.key(name), 50);
                int toFormer = former.stream().mapToInt(x -> PlaceKeys.distance(PlaceKeys.key(d), PlaceKeys.key(x), 50))
                        .min().orElse(Integer.MAX_VALUE);
                if (Math.min(toName, toFormer) <= Math.max(3, PlaceKeys.key(name).length() / 2)) {
                    String r = capitalise(String.join(" ", PlaceKeys.words(d)));
                    if (!romanised.contains(r)) {
                        romanised.add(r);
                    }
                }
                if (toName <= toFormer) {
                    current.add(d);
                }
            }
            String hindi;
            String source;
            if (isPureDevanagari(curated)) {
                hindi = curated;
                source = "man";
            } else if (isPureDevanagari(tagged) && current.contains(tagged)) {
                hindi = tagged;
                source = "hi";
            } else {
                hindi = pick(name, current);
                source = "dev";
                if (hindi == null) {
                    hindi = generate(toDevanagari, name);
                    source = "gen";
                }
            }
            out.println(id + "\t" + hindi + "\t" + source + "\t" + String.join("|", romanised));
        }
        out.flush();
    }

    /**
     * The words of an English word list (one a line) that the gazetteer in {@code tsv} would read as a place they
     * do not spell (barrel as Bareilly, canal as Karnal), written to standard output for english-lookalikes.txt.
     */
    static void lookalikes(java.nio.file.Path tsv, java.nio.file.Path wordList) throws IOException {
        Gazetteer g;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(tsv)) {
            g = new Gazetteer(Gazetteer.Row.read(in), java.util.Set.of());
        }
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (String w : java.nio.file.Files.readAllLines(wordList, StandardCharsets.UTF_8)) {
            if (!w.matches("[a-z]{3,}")) {
                continue;
            }
            if (g.find(w).isPresent() && !g.spells(w, g.find(w).get())) {
                out.add(w);
            }
        }
        PrintWriter pw = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        out.forEach(pw::println);
        pw.flush();
    }

    /** GeoNames sometimes names the district (कोरबा जिला) where the town is meant. */
    private static String withoutDistrict(String hindi) {
        return hindi.trim().replaceAll("\\s+(जिला|ज़िला|जनपद|शहर)$", "");
    }

    private static List<String> list(String field) {
        return field.isBlank() ? List.of() : List.of(field.split("\\|"));
    }

    /**
     * Of the Devanagari names GeoNames lists without a language, the one that reads most like the English name,
     * leaving out those with letters Hindi does not use (ळ is Marathi), since they are often Marathi or Nepali.
     */
    static String pick(String englishName, List<String> candidates) {
        String target = PlaceKeys.key(englishName);
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String c : candidates) {
            String s = c.trim();
            if (!isPureDevanagari(s)) {
                continue;
            }
            int score = PlaceKeys.distance(PlaceKeys.key(s), target, 50) * 2;
            // ळ is Marathi; ॆ and ॊ write Dravidian short vowels; a final virama is Sanskrit (गान्धीनगरम्)
            if (s.indexOf('\u0933') >= 0 || s.indexOf('\u0945') >= 0 || s.indexOf('\u0972') >= 0
                    || s.indexOf('\u0946') >= 0 || s.indexOf('\u094A') >= 0 || s.endsWith("\u094D")) {
                score += 3;
            }
            if (score < bestScore) {
                bestScore = score;
                best = s;
            }
        }
        // a Devanagari name that reads nothing like the English one is another name, not its spelling
        if (best != null && bestScore > Math.max(6, target.length())) {
            return null;
        }
        return best;
    }

    static boolean isPureDevanagari(String s) {
        if (s.isEmpty()) {
            return false;
        }
        boolean any = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u0900' && c <= '\u097F') {
                any = true;
            } else if (c != ' ' && c != '-') {
                return false;
            }
        }
        return any;
    }

    /**
     * The English name written in Devanagari by ICU, after respelling English habits in the ISO 15919 letters ICU
     * reads (ch is च, chh is छ, sh is श, a final a is long, e and o are long), and writing a nasal before a
     * consonant as the anusvara the way Hindi does.
     */
    static String generate(Transliterator toDevanagari, String name) {
        String s = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        List<String> words = new ArrayList<>();
        for (String w : s.split("[\\s-]+")) {
            if (w.isEmpty()) {
                continue;
            }
            // Gorakhpur is Gorakh + pur: written गोरखपुर, not the cluster ICU would make of "khp"
            String stem = w;
            String suffix = "";
            for (String x : SUFFIXES) {
                if (w.length() > x.length() + 1 && w.endsWith(x) && !isVowel(w.charAt(w.length() - x.length() - 1))) {
                    stem = w.substring(0, w.length() - x.length());
                    suffix = x;
                    break;
                }
            }
            String dev = devanagari(toDevanagari, respell(stem));
            if (!suffix.isEmpty()) {
                dev += devanagari(toDevanagari, respell(suffix));
            }
            words.add(dev);
        }
        return String.join(" ", words);
    }

    private static final List<String> SUFFIXES = List.of("puram", "pura", "pur", "nagar", "ganj", "garh", "gaon", "kot",
            "pet", "palli", "halli", "patti", "wadi", "giri", "tala", "bagh", "bazar", "ghat");

    private static String devanagari(Transliterator toDevanagari, String latin) {
        // ICU writes e and o as the short Dravidian vowels (ॆ, ॊ), which Hindi does not have
        String dev = toDevanagari.transliterate(latin).replace('\u094A', '\u094B').replace('\u0946', '\u0947')
                .replace('\u0912', '\u0913').replace('\u090E', '\u090F');
        // a nasal before a consonant is the anusvara, as Hindi writes it
        dev = dev.replaceAll("[\u0919\u091E\u0923\u0928\u092E]\u094D(?=[\u0915-\u0922\u0924-\u0927\u092A-\u092D\u0936-\u0939])",
                "\u0902");
        // English spelling writes no inherent vowel, so ICU joins every two consonants; Hindi does only for
        // doubled letters, a consonant and its aspirate, s before a stop, and r, y or v after a consonant
        StringBuilder b = new StringBuilder(dev);
        for (int i = b.length() - 2; i >= 1; i--) {
            if (b.charAt(i) != '\u094D') {
                continue;
            }
            char c1 = b.charAt(i - 1);
            char c2 = b.charAt(i + 1);
            if (!isConsonant(c1) || !isConsonant(c2)) {
                continue;
            }
            boolean keep = c1 == c2 || c2 == c1 + 1 && ASPIRATES.indexOf(c1) >= 0 || c2 == '\u0930' || c2 == '\u092F'
                    || c2 == '\u0935' || c1 == '\u0938' || (c1 == '\u0915' && c2 == '\u0937');
            if (!keep) {
                b.deleteCharAt(i);
            }
        }
        // no virama at the end of a word: Hindi leaves the final vowel unwritten and unspoken
        return b.toString().replaceAll("\u094D(?=\\s|$)", "");
    }

    /** Unaspirated stops whose aspirate is the next letter (क ख, ग घ, च छ, ...). */
    private static final String ASPIRATES = "\u0915\u0917\u091A\u091C\u091F\u0921\u0924\u0926\u092A\u092C";

    private static boolean isConsonant(char c) {
        return c >= '\u0915' && c <= '\u0939';
    }

    private static String respell(String w) {
        String s = w.replace("chh", "\u0001").replace("ch", "c").replace("\u0001", "ch")
                .replace("sh", "ś").replace("w", "v").replace("ee", "ī").replace("oo", "ū").replace("aa", "ā")
                .replace("ou", "au").replace("x", "kṣ").replace("q", "k").replace("garh", "gaṛh").replace("gaon", "gāṁv")
                .replaceAll("ow(?![aeiou])", "au");
        if (s.endsWith("ore")) {
            s = s.substring(0, s.length() - 1);
        }
        // Mumbai, Chennai, Madurai: Hindi ends these in ई, not ऐ
        if (s.length() > 3 && s.endsWith("ai")) {
            s = s.substring(0, s.length() - 1) + "ī";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char prev = i > 0 ? s.charAt(i - 1) : 0;
            boolean last = i == s.length() - 1;
            if (c == 'e' && prev != 'a') {
                b.append('ē');
            } else if (c == 'o' && prev != 'a') {
                b.append('ō');
            } else if (c == 'a' && last && i > 0 && !isVowel(prev)) {
                b.append('ā');
            } else if (c == 'i' && last && i > 0 && !isVowel(prev)) {
                b.append('ī');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isVowel(char c) {
        return "aeiouāīūēō".indexOf(c) >= 0;
    }

    private static String capitalise(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean start = true;
        for (char c : s.toCharArray()) {
            b.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ';
        }
        return b.toString();
    }
}
