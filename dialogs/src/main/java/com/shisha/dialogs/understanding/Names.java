package com.shisha.dialogs.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A person's name as partners give it: "my name is Ramesh", "Ramesh here", "mera naam Ramesh hai",
 * "मेरा नाम राहुल है", "Shri R K Sharma ji". The frame and honorifics go, the name stays in the script it was typed in.
 * Frames are matched on phonetic keys, so the Devanagari and Latin spellings of a frame word are one entry.
 */
final class Names {

    /** @param sure false when the words left could be something else than a name: the dialog reads it back */
    record Name(String text, boolean sure) {
    }

    private Names() {
    }

    static final int MAX_WORDS = 4;

    private static final List<List<String>> LEADING = keyed(
            "you can call me", "my good name is", "my full name is", "my name is", "my name", "name is", "name",
            "i am", "im", "i m", "this is", "its", "it is", "myself", "me", "call me", "here is", "people call me",
            "naam hai", "mera naam hai", "main hun", "main hoon", "main hu", "mai hu", "me hu", "hum hain", "hum hai",
            "log mujhe", "amar naam", "amar nam", "aamar naam", "maza nav", "majha nav", "maru naam", "maru nam",
            "mhara naam", "hamar naam", "en peyar", "naa peru", "nanna hesaru", "আমার নাম", "माझं नाव", "माझे नाव",
            "मारू नाम", "हमार नाम", "मैं हूँ", "मैं हूं", "हम हैं", "नाम है", "मेरा नाम है", "लोग मुझे",
            "mera naam", "mera name", "mera pura naam", "mera nam", "hamara naam", "humara naam", "apna naam", "naam",
            "main", "mai", "mein", "hum", "mujhe", "मेरा नाम", "मेरा पूरा नाम", "हमारा नाम", "नाम", "मैं", "में", "हम");
    private static final List<List<String>> TRAILING = keyed(
            "is my name", "is my good name", "here", "this side", "speaking", "bol raha hoon", "bol rahi hoon",
            "bol raha hu", "bol rahi hu", "mera naam hai", "naam hai", "naam hai mera", "hai mera naam", "hai", "hain",
            "hoon", "hun", "hu", "h", "hu main", "hoon main", "hun main", "bolte hai", "bolte hain", "kehte hai",
            "kehte hain", "kahte hai", "kahte hain", "नाम है मेरा", "है मेरा नाम", "हूँ मैं", "हूं मैं", "बोलते हैं",
            "कहते हैं", "हैं",
            "बोल रहा हूँ", "बोल रही हूँ", "मेरा नाम है", "नाम है", "है", "हूँ", "हूं", "हु");
    private static final Set<String> HONORIFICS = keySet("mr", "mrs", "ms", "miss", "shri", "sri", "shree", "smt",
            "shrimati", "dr", "kumari", "sir", "madam", "mam", "maam", "ji", "jee", "sahab", "saheb", "sahib", "bhai",
            "bhaiya", "didi", "behen", "hello", "hi", "hii", "namaste", "namaskar", "ok", "okay", "please", "pls",
            "श्री", "श्रीमती", "सुश्री", "डॉ", "कुमारी", "जी", "सर", "साहब", "भाई", "भैया", "दीदी", "नमस्ते", "नमस्कार");
    /** Honorifics that also end names ("Meena Kumari", "Sunita Devi"): taken off the front only. */
    private static final Set<String> SURNAME_TOO = keySet("kumari", "कुमारी", "devi", "देवी", "bai", "बाई");

    static boolean isHonorific(String key) {
        return HONORIFICS.contains(key);
    }

    /** Where a name ends and more about the partner begins: "Ramesh from Indore", "राहुल, भोपाल से". */
    private static final Set<String> BREAKS = keySet("from", "and", "se", "aur", "से", "और", "in", "at");

    static Optional<Name> read(String cleaned) {
        String[] raw = cleaned.split(" ");
        List<String> words = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (String w : raw) {
            if (!w.isEmpty()) {
                words.add(w);
                keys.add(Keys.key(Keys.latin(w)));
            }
        }
        boolean framed = false;
        int start = 0;
        int end = words.size();
        boolean changed = true;
        while (changed && start < end) {
            changed = false;
            if (HONORIFICS.contains(keys.get(start))) {
                start++;
                changed = true;
                continue;
            }
            if (start < end && HONORIFICS.contains(keys.get(end - 1)) && !SURNAME_TOO.contains(keys.get(end - 1))) {
                end--;
                changed = true;
                continue;
            }
            int lead = longestMatch(LEADING, keys, start, end, true);
            if (lead > 0 && end - start - lead >= 1) {
                start += lead;
                framed = true;
                changed = true;
                continue;
            }
            int trail = longestMatch(TRAILING, keys, start, end, false);
            if (trail > 0 && end - start - trail >= 1) {
                end -= trail;
                framed = true;
                changed = true;
            }
        }
        for (int i = start + 1; i < end; i++) {
            if (BREAKS.contains(keys.get(i))) {
                end = i;
                framed = true;
                break;
            }
        }
        if (start >= end) {
            return Optional.empty();
        }
        List<String> name = words.subList(start, end);
        if (name.size() > MAX_WORDS || name.stream().anyMatch(w -> w.chars().anyMatch(Character::isDigit))
                || name.stream().noneMatch(w -> w.codePoints().anyMatch(Character::isLetter))) {
            return Optional.empty();
        }
        long letters = String.join("", name).codePoints().filter(Character::isLetter).count();
        if (letters < 2) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        for (String w : name) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(Keys.hasDevanagari(w) ? w : capitalise(w));
        }
        // two or three words without a frame may be a sentence ("kal milte hain"): read back before storing
        boolean sure = framed ? name.size() <= 3 : name.size() <= 2;
        return Optional.of(new Name(out.toString(), sure));
    }

    private static int longestMatch(List<List<String>> frames, List<String> keys, int start, int end, boolean leading) {
        int best = 0;
        for (List<String> frame : frames) {
            int n = frame.size();
            if (n > end - start || n <= best) {
                continue;
            }
            int from = leading ? start : end - n;
            if (keys.subList(from, from + n).equals(frame)) {
                best = n;
            }
        }
        return best;
    }

    private static String capitalise(String w) {
        StringBuilder out = new StringBuilder(w.length());
        boolean start = true;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == '-' || c == '.';
        }
        return out.toString();
    }

    private static List<List<String>> keyed(String... phrases) {
        List<List<String>> out = new ArrayList<>();
        for (String p : phrases) {
            out.add(Keys.keys(Keys.clean(p)));
        }
        return out;
    }

    private static Set<String> keySet(String... words) {
        Set<String> out = new java.util.HashSet<>();
        for (String w : words) {
            out.add(String.join(" ", Keys.keys(Keys.clean(w))));
        }
        return out;
    }
}
