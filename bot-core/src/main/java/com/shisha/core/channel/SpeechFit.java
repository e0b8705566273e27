package com.shisha.core.channel;

/**
 * A chat reply made fit to be read aloud on a phone call: WhatsApp's markup and emoji go (a voice would read "star"
 * or a symbol's name), and each line becomes a sentence, so the voice pauses where the eye would.
 */
public final class SpeechFit {

    private SpeechFit() {
    }

    public static String speakable(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n")) {
            String clean = clean(line);
            if (clean.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                char last = out.charAt(out.length() - 1);
                out.append(endsSentence(last) ? " " : ". ");
            }
            out.append(clean);
        }
        return out.toString();
    }

    private static String clean(String line) {
        StringBuilder b = new StringBuilder(line.length());
        line.codePoints().forEach(cp -> {
            if (cp == '·' || cp == '•') {
                b.append(',');
            } else if (cp == '*' || cp == '_' || cp == '~' || cp == '`' || cp == 0xFE0F || cp == 0x200D
                    || Character.getType(cp) == Character.OTHER_SYMBOL || Character.getType(cp) == Character.SURROGATE
                    || Character.getType(cp) == Character.MODIFIER_SYMBOL) {
                b.append(' ');
            } else {
                b.appendCodePoint(cp);
            }
        });
        String collapsed = b.toString().replaceAll("\\s+", " ").trim()
                .replaceAll(" ([,.;:!?।])", "$1") // where markup stood before punctuation
                .replaceAll("^[-,]+ *", "") // a list's bullet
                .replaceAll(",+", ",");
        // a line left as punctuation only (a bullet, "( )") says nothing
        return collapsed.codePoints().anyMatch(Character::isLetterOrDigit) ? collapsed : "";
    }

    private static boolean endsSentence(char c) {
        return c == '.' || c == '?' || c == '!' || c == '।' || c == ':' || c == ',' || c == ';';
    }
}
