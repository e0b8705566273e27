package com.shisha.ai.coach;

import com.ibm.icu.text.Transliterator;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One spelling for the three ways partners write, so a Hinglish question ("loan ka byaj zyada hai"), a Hindi one
 * ("लोन का ब्याज ज़्यादा है") and the Hindi section meet on the same words. Devanagari is transliterated (ICU4J) the
 * way Hinglish spells it, and every Latin word is folded to a phonetic key that forgives romanised Hindi's usual
 * variation (aa/a, ee/i, w/v, z/j, aspirates, doubled letters). The dialogs module reads messages the same way;
 * this copy keeps the coach free of that module.
 */
final class Romaniser {

    private static final ThreadLocal<Transliterator> DEVANAGARI = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Devanagari-Latin"));
    private static final ThreadLocal<Transliterator> ASCII = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Latin-ASCII"));

    /**
     * Keys of words that carry no topic: Hinglish and Hindi grammar words, English function words, and the filler
     * partners add ("sir", "ji", "plz", "bhai"). Written as keys, so every spelling of them is caught.
     */
    private static final List<String> FILLER_WORDS = List.of(
            "hai", "hain", "he", "ka", "ki", "ke", "ko", "me", "men", "mein", "se", "par", "pe", "aur", "or", "ya",
            "bhi", "to", "hi", "ye", "yah", "vo", "vah", "kya", "kaise", "kese", "kyon", "kyu", "kyun", "kab", "kahan",
            "mai", "main", "ham", "hum", "ap", "aap", "tum", "usko", "use", "us", "is", "isko", "ek", "nahi", "na",
            "tha", "thi", "the", "hota", "hoti", "ho", "hona", "kar", "kare", "karen", "karna", "karu", "karun", "lie",
            "liye", "jo", "agar", "koi", "kuch", "raha", "rahi", "rahe", "bolta", "bolti", "bol", "kehta", "kahta",
            "kahti", "kehti", "puch", "puchta", "puchti", "bata", "batao", "batana", "batayen", "samjao", "samjhao",
            "sir", "ji", "plz", "pls", "please", "bhai", "bhaiya", "madam", "mam", "maam", "ok", "okay", "hello", "hi",
            "sar", "bro", "yar", "yaar", "dost", "namaste", "namaskar", "jara", "zara", "thoda", "abhi", "wala", "vala",
            "vali", "vale", "wali", "wale", "apna", "apni", "apne", "mera", "meri", "mere", "uska", "uski", "uske",
            "iska", "iski", "iske", "kon", "kaun", "sa", "si", "sab", "bahut", "bohot", "bhut", "kitna", "kitni",
            "a", "an", "the", "and", "of", "in", "on", "for", "it", "be", "are", "was", "do", "does", "did", "i", "she",
            "we", "you", "they", "his", "her", "my", "him", "what", "how", "can", "should", "will", "with", "this",
            "that", "as", "at", "by", "from", "so", "if", "not", "no", "any", "about", "there", "their", "them", "get",
            "has", "have", "who", "when", "which", "but", "than", "then", "into", "am", "your", "our", "tell", "want",
            "customer", "kastamar", "grahak", "client", "lead", "partner", "thanks", "thank", "thx", "dhanyavad",
            "shukriya", "good", "great", "nice", "yes", "haan", "han", "ha", "achha", "acha", "theek", "thik");

    private static final Set<String> FILLER = FILLER_WORDS.stream().map(Romaniser::key)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** Hindi grammar words: one of them in a Latin-letter question says it is Hinglish, not English. */
    private static final Set<String> HINDI_GRAMMAR = java.util.stream.Stream.of(
            "hai", "hain", "ka", "ki", "ke", "ko", "kya", "kaise", "kyu", "kyun", "nahi", "se", "me", "mein", "hota",
            "hoti", "raha", "rahi", "liye", "aur", "bhi", "tha", "thi", "karu", "karun", "karna", "chahiye", "milega",
            "wala", "wali", "wale", "gaya", "gayi", "jata", "jati", "sakta", "sakti", "kaun", "konsa", "konsi", "kitna",
            "kitne", "kahan", "kaha", "agar", "lekin", "par", "pe", "mera", "meri", "uska", "uski", "bolta", "kehta",
            "jayega", "hoga", "karte", "karta", "kare", "de", "du", "lu", "lagta", "lagega", "batao").map(Romaniser::key)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private Romaniser() {
    }

    /** Hindi written in Latin letters: at least one Hindi grammar word. */
    static boolean isHinglish(String text) {
        return !hasDevanagari(text) && allKeys(text).stream().anyMatch(HINDI_GRAMMAR::contains);
    }

    static boolean hasDevanagari(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u0900' && c <= '\u097F') {
                return true;
            }
        }
        return false;
    }

    /** The topic-bearing keys of a text's words, in order, in Latin letters whatever the script. */
    static List<String> keys(String text) {
        return keys(text, true);
    }

    /** The keys of every word, grammar and filler words included, in order: for reading a question word by word. */
    static List<String> allKeys(String text) {
        return keys(text, false);
    }

    private static List<String> keys(String text, boolean topicOnly) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        List<String> keys = new ArrayList<>();
        for (String word : s.split("[^\\p{L}\\p{M}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String latin = hasDevanagari(word) ? romanise(word) : ASCII.get().transliterate(word);
            String key = key(latin);
            if (!key.isEmpty() && !(topicOnly && FILLER.contains(key))) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static String romanise(String word) {
        String iso = DEVANAGARI.get().transliterate(word);
        StringBuilder s = new StringBuilder(iso.length() + 4);
        for (int i = 0; i < iso.length(); i++) {
            char c = iso.charAt(i);
            switch (c) {
                case 'ṁ', 'ṅ', 'ñ', 'ṇ' -> s.append('n');
                case '\u0310' -> {
                    if (s.length() > 0) {
                        s.setCharAt(s.length() - 1, 'n'); // candrabindu: a nasal vowel, written n
                    }
                }
                case 'c' -> s.append(i + 1 < iso.length() && iso.charAt(i + 1) == 'h' ? "chh" : "ch");
                case 'ś', 'ṣ' -> s.append("sh");
                case 'ṛ' -> s.append('r');
                case '\'' -> {
                    // ICU separates letters that would otherwise read as one sound: nothing to keep
                }
                default -> s.append(c);
            }
        }
        String latin = ASCII.get().transliterate(s.toString());
        // ICU writes the inherent vowel of a final consonant, which Hindi does not say: ब्याज is byaj, not byaja
        char last = word.charAt(word.length() - 1);
        boolean endsInConsonant = last >= '\u0915' && last <= '\u0939' || last >= '\u0958' && last <= '\u095F' || last == '\u093C';
        if (endsInConsonant && latin.length() > 2 && latin.endsWith("a")) {
            latin = latin.substring(0, latin.length() - 1);
        }
        return latin;
    }

    /** The phonetic key of one Latin word. Digits stay as they are. */
    static String key(String latinWord) {
        String w = latinWord.toLowerCase(Locale.ROOT).replace("ee", "i").replace("oo", "u").replace("ph", "f");
        StringBuilder out = new StringBuilder(w.length());
        char prev = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                continue;
            }
            c = switch (c) {
                case 'w' -> 'v';
                case 'z' -> 'j';
                case 'q' -> 'k';
                case 'y' -> i > 0 && i == w.length() - 1 && "aeiou".indexOf(prev) < 0 ? 'i' : 'y';
                default -> c;
            };
            if (c == 'h' && prev != 0 && "bcdgjkpt".indexOf(prev) >= 0) {
                continue; // aspirates: "dikhao" ~ "dikao"
            }
            if (c == prev && !Character.isDigit(c)) {
                continue; // "aa", doubled consonants
            }
            out.append(c);
            prev = c;
        }
        // plural and final-vowel variation ("loans", "loan"; "byaja", "byaj"; "policy", "polisi") in one key
        String k = out.toString();
        if (k.length() > 3 && (k.endsWith("s") || k.endsWith("a") || k.endsWith("i") || k.endsWith("e"))) {
            k = k.substring(0, k.length() - 1);
        }
        return k.replace("c", "k").replace("x", "ks");
    }
}
