package com.shisha.ai.coach;


import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One spelling for the three ways partners write, so a Hinglish question ("loan ka byaj zyada hai"), a Hindi one
 * ("लोन का ब्याज ज़्यादा है") and the Hindi section meet on the same words. Devanagari is transliterated (ICU4J) the
 * way Hinglish spells it, and every Latin word is folded to a phonetic key that forgives romanised Hindi's usual
 * variation (aa/a, ee/i, w/v, z/j, aspirates, doubled letters), through {@link com.shisha.ai.text.Hinglish}.
 */
final class Romaniser {


    /**
     * Hindi grammar and function words, and the verbs partners wrap a question in ("batao", "chahiye", "sakta"): they
     * carry no topic. Written as keys, so every spelling of them is caught.
     */
    private static final List<String> HINDI_FILLER_WORDS = List.of(
            "hai", "hain", "he", "ka", "ki", "ke", "ko", "me", "men", "mein", "se", "par", "pe", "aur", "or", "ya",
            "bhi", "to", "hi", "ye", "yah", "vo", "vah", "kya", "kaise", "kese", "kyon", "kyu", "kyun", "kab", "kahan",
            "mai", "main", "ham", "hum", "ap", "aap", "tum", "usko", "use", "us", "is", "isko", "ek", "nahi", "na",
            "tha", "thi", "the", "hota", "hoti", "ho", "hona", "kar", "kare", "karen", "karna", "karu", "karun", "lie",
            "liye", "jo", "agar", "koi", "kuch", "raha", "rahi", "rahe", "bolta", "bolti", "bol", "kehta", "kahta",
            "kahti", "kehti", "puch", "puchta", "puchti", "bata", "batao", "batana", "batayen", "samjao", "samjhao",
            "jara", "zara", "thoda", "abhi", "wala", "vala", "vali", "vale", "wali", "wale", "apna", "apni", "apne",
            "mera", "meri", "mere", "uska", "uski", "uske", "iska", "iski", "iske", "kon", "kaun", "sa", "si", "sab",
            "bahut", "bohot", "bhut", "kitna", "kitni", "haan", "han", "ha", "achha", "acha", "theek", "thik",
            "karta", "karte", "karne", "karo", "sakta", "sakti", "sakte", "gaya", "gayi", "gaye", "hun", "hu", "pata",
            "matlab", "lagta", "lagte", "lagti", "milta", "milti", "milte", "chahiye", "chahie");

    /**
     * More Hindi function words: the forms of "to be", "to give", "to take", "to go", "to come" and "to have to" that do
     * not stem to three letters, pronouns in their other cases, connectives. They are left out of a Hinglish question's
     * English reading, as the filler above is, because the English model cannot read them; they stay among its topic
     * words, where against the guide's Hinglish questions "kya hoga ab" still tells what happens next from what it is.
     */
    private static final List<String> MORE_HINDI_FUNCTION_WORDS = List.of(
            "hoga", "hogi", "hoge", "hua", "hui", "hue", "de", "du", "dena", "diya", "di", "dega", "degi", "dunga",
            "deta", "deti", "dete", "le", "lu", "lo", "lena", "liya", "li", "lega", "legi", "lunga", "leta", "leti",
            "lete", "jata", "jati", "jate", "jana", "jayega", "jayegi", "jaega", "jaegi", "aata", "aati", "aate",
            "aaya", "aayi", "aaye", "aayega", "aayegi", "padta", "padti", "padega", "padegi", "pade", "chalega",
            "ne", "ab", "tab", "tabhi", "jab", "fir", "phir", "toh", "taki", "taaki", "lekin", "magar", "kyunki",
            "wo", "woh", "unka", "unki", "unke", "unko", "unse", "inka", "inki", "inke", "inko", "inse", "usse", "isse",
            "isme", "usme", "mujhe", "mujh", "hame", "hamen", "humein", "unhe", "unhen", "jisko", "jinko", "kisko",
            "kisi", "kis", "kaha", "aisa", "aise", "aisi", "kaunsa", "kaunsi", "kaunse", "konsa", "konsi", "konse");

    /**
     * Keys of words that carry no topic: the Hindi ones above, English function words, and the filler partners add
     * ("sir", "ji", "plz", "bhai").
     */
    private static final List<String> FILLER_WORDS = Stream.concat(HINDI_FILLER_WORDS.stream(), Stream.of(
            "sir", "ji", "plz", "pls", "please", "bhai", "bhaiya", "madam", "mam", "maam", "ok", "okay", "hello",
            "sar", "bro", "yar", "yaar", "dost", "namaste", "namaskar",
            "a", "an", "the", "and", "of", "in", "on", "for", "it", "be", "are", "was", "do", "does", "did", "i", "she",
            "we", "you", "they", "his", "her", "my", "him", "what", "how", "can", "should", "will", "with", "this",
            "that", "as", "at", "by", "from", "so", "if", "not", "no", "any", "about", "there", "their", "them", "get",
            "has", "have", "who", "when", "which", "but", "than", "then", "into", "am", "your", "our", "tell", "want",
            "customer", "kastamar", "grahak", "client", "lead", "partner", "thanks", "thank", "thx", "dhanyavad",
            "shukriya", "good", "great", "nice", "yes")).toList();

    /** Both lists with their aspirates kept: in a Hinglish question "to", "main" and "use" are Hindi, whatever English says. */
    private static final Set<String> HINDI_FUNCTION_WORDS = Stream.concat(HINDI_FILLER_WORDS.stream(),
            MORE_HINDI_FUNCTION_WORDS.stream()).map(Romaniser::exact).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** Kept with their aspirates: "kho gaya" (lost) is no grammar, though "kho" and "ko" share a key. */
    private static final Set<String> FILLER = FILLER_WORDS.stream().map(Romaniser::exact)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** The stems of the filler words that are verbs' forms: their other forms carry no topic either. */
    private static final Set<String> FILLER_STEMS = FILLER_WORDS.stream()
            .filter(w -> !exactStem(w).equals(com.shisha.ai.text.Hinglish.key(w, false)))
            .map(Romaniser::exactStem).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** Hindi grammar words: one of them in a Latin-letter question says it is Hinglish, not English. */
    private static final Set<String> HINDI_GRAMMAR = java.util.stream.Stream.of(
            "hai", "hain", "ka", "ki", "ke", "ko", "kya", "kaise", "kyu", "kyun", "nahi", "se", "me", "mein", "hota",
            "hoti", "raha", "rahi", "liye", "aur", "bhi", "tha", "thi", "karu", "karun", "karna", "chahiye", "milega",
            "wala", "wali", "wale", "gaya", "gayi", "jata", "jati", "sakta", "sakti", "kaun", "konsa", "konsi", "kitna",
            "kitne", "kahan", "kaha", "agar", "lekin", "par", "pe", "mera", "meri", "uska", "uski", "bolta", "kehta",
            "jayega", "hoga", "karte", "karta", "kare", "de", "du", "lu", "lagta", "lagega", "batao", "hun", "karo", "sakte",
            "gaye", "lagte").map(Romaniser::exact)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * Hinglish as typed on WhatsApp drops vowels from the commonest grammar words ("h" for hai, "kr" for kar, "ni" for
     * nahi); spelt out, they are recognised as grammar and filler like their full forms. Only words that cannot be
     * anything else: "me" and "ki" are already Hindi.
     */
    private static final java.util.Map<String, String> CHAT_SPELLINGS = java.util.Map.ofEntries(
            java.util.Map.entry("h", "hai"), java.util.Map.entry("hn", "hain"), java.util.Map.entry("k", "ke"),
            java.util.Map.entry("kr", "kar"), java.util.Map.entry("krna", "karna"), java.util.Map.entry("krne", "karne"),
            java.util.Map.entry("krta", "karta"), java.util.Map.entry("krte", "karte"), java.util.Map.entry("kro", "karo"),
            java.util.Map.entry("rha", "raha"), java.util.Map.entry("rhi", "rahi"), java.util.Map.entry("rhe", "rahe"),
            java.util.Map.entry("gya", "gaya"), java.util.Map.entry("gyi", "gayi"), java.util.Map.entry("gye", "gaye"),
            java.util.Map.entry("ni", "nahi"), java.util.Map.entry("nhi", "nahi"), java.util.Map.entry("nai", "nahi"),
            java.util.Map.entry("skta", "sakta"), java.util.Map.entry("skti", "sakti"), java.util.Map.entry("skte", "sakte"),
            java.util.Map.entry("ky", "kya"), java.util.Map.entry("kch", "kuch"), java.util.Map.entry("bht", "bahut"),
            java.util.Map.entry("mtlb", "matlab"), java.util.Map.entry("pta", "pata"), java.util.Map.entry("bta", "bata"),
            java.util.Map.entry("btao", "batao"), java.util.Map.entry("hu", "hun"));

    private Romaniser() {
    }

    /** Hindi written in Latin letters: at least one Hindi grammar word. */
    static boolean isHinglish(String text) {
        return grammarWords(text) > 0;
    }

    /**
     * Hindi written in Latin letters beyond doubt: two Hindi grammar words. An English sentence may have one ("tell
     * me", where me is also Hindi's "in"); where a text is filed rather than answered, as the guide's questions are,
     * that one word must not move it.
     */
    static boolean isClearlyHinglish(String text) {
        return grammarWords(text) > 1;
    }

    private static long grammarWords(String text) {
        if (hasDevanagari(text)) {
            return 0;
        }
        // no Hindi grammar word ends in s: an English one that does is not one once its plural s is gone (this, thi)
        return latinWords(text).stream().filter(w -> !w.endsWith("s")).map(Romaniser::exact).filter(HINDI_GRAMMAR::contains)
                .count();
    }

    /** The text with each Devanagari word written the way Hinglish spells it; Latin words and punctuation kept. */
    static String latin(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[\\u0900-\\u097F]+").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(romanise(m.group())));
        }
        m.appendTail(out);
        return out.toString();
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

    /**
     * The topic-bearing words' keys without their Hindi endings ({@link com.shisha.ai.text.Hinglish#stem}), for the
     * word index: a verb is written in many forms ("kholu", "kholna", खोलें), and the guide names it in one or two. A
     * form of a filler verb is filler too ("milega" as "milta").
     */
    static List<String> stems(String text) {
        List<String> stems = new ArrayList<>();
        for (String latin : latinWords(text)) {
            String stem = stem(latin);
            if (!stem.isEmpty() && !isFillerForm(latin)) {
                stems.add(stem);
            }
        }
        return stems;
    }

    /**
     * The topic-bearing words' stems with their aspirates and c kept ({@link #exactStem}): where Hindi words must stay
     * apart that the usual key joins (khul, open, and kul, total).
     */
    static List<String> exactStems(String text) {
        List<String> stems = new ArrayList<>();
        for (String latin : latinWords(text)) {
            String stem = exactStem(latin);
            if (!stem.isEmpty() && !isFillerForm(latin)) {
                stems.add(stem);
            }
        }
        return stems;
    }

    /** A filler word, or another form of a filler verb ("milega" as "milta"), told apart with aspirates and c kept. */
    private static boolean isFillerForm(String latinWord) {
        return FILLER.contains(exact(latinWord)) || FILLER_STEMS.contains(exactStem(latinWord));
    }

    /** The stem of a word's key with its aspirates and c kept: "car" is not "kar", "kho" not "ko". */
    private static String exactStem(String latinWord) {
        return com.shisha.ai.text.Hinglish.stem(com.shisha.ai.text.Hinglish.key(latinWord, false));
    }

    private static String stem(String latinWord) {
        String k = com.shisha.ai.text.Hinglish.key(latinWord);
        String stem = com.shisha.ai.text.Hinglish.stem(k);
        if (stem.equals(k) && k.length() > 3 && k.endsWith("s")) {
            stem = k.substring(0, k.length() - 1); // an English plural
        }
        return stem.replace("c", "k").replace("x", "ks");
    }

    /**
     * A Latin or Hindi text in Latin letters without its grammar and filler words: what the embedding model can read of
     * Hinglish. It knows no Hindi, so "kya", "hai", "ke liye" only make any two Hinglish texts look alike. The text
     * itself when every word is filler.
     */
    static String topicWords(String text) {
        StringBuilder out = new StringBuilder();
        for (String latin : latinWords(text)) {
            if (!isFillerForm(latin)) {
                out.append(latin).append(' ');
            }
        }
        String s = out.toString().strip();
        return s.isEmpty() ? text : s;
    }

    /** The keys of every word, grammar and filler words included, in order: for reading a question word by word. */
    static List<String> allKeys(String text) {
        return keys(text, false);
    }

    private static List<String> keys(String text, boolean topicOnly) {
        List<String> keys = new ArrayList<>();
        for (String latin : latinWords(text)) {
            String key = key(latin);
            if (!key.isEmpty() && !(topicOnly && FILLER.contains(exact(latin)))) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static String romanise(String word) {
        return com.shisha.ai.text.Hinglish.romanise(word, 'r');
    }

    /** The phonetic key of one Latin word, stemmed: a plural's s and a Hindi ending vowel dropped, c and x spelt k, ks. */
    static String key(String latinWord) {
        String k = com.shisha.ai.text.Hinglish.key(latinWord);
        if (k.length() > 3 && (k.endsWith("s") || k.endsWith("a") || k.endsWith("i") || k.endsWith("e"))) {
            k = k.substring(0, k.length() - 1);
        }
        return k.replace("c", "k").replace("x", "ks");
    }

    /**
     * One word's key with its aspirates and its c kept, where words must stay apart that the usual key joins: "kho"
     * (lost) and the grammar word "ko", "car" and "kar" (filler, glossary).
     */
    static String exactKey(String word) {
        List<String> latin = latinWords(word);
        return latin.isEmpty() ? "" : exact(latin.get(0));
    }

    private static String exact(String latinWord) {
        String k = com.shisha.ai.text.Hinglish.key(latinWord, false);
        return k.length() > 3 && (k.endsWith("s") || k.endsWith("a") || k.endsWith("i") || k.endsWith("e"))
                ? k.substring(0, k.length() - 1) : k;
    }

    /**
     * Whether a Latin word is a Hindi function word ({@link #HINDI_FILLER_WORDS}, {@link #MORE_HINDI_FUNCTION_WORDS})
     * or a chat spelling of one ("h", "nhi"), though English may spell a word alike.
     */
    static boolean isHindiFunctionWord(String word) {
        return !hasDevanagari(word) && HINDI_FUNCTION_WORDS.contains(exactKey(word));
    }

    /** Whether a word carries no topic ({@link #FILLER_WORDS}), told apart with its aspirates. */
    static boolean isFiller(String word) {
        return FILLER.contains(exactKey(word));
    }

    private static List<String> latinWords(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String word : s.split("[^\\p{L}\\p{M}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(hasDevanagari(word) ? romanise(word) : com.shisha.ai.text.Hinglish.ascii(CHAT_SPELLINGS.getOrDefault(word, word)));
            }
        }
        return words;
    }
}
