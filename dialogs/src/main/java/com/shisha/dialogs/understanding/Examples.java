package com.shisha.dialogs.understanding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Labelled partner messages in the understanding data format (docs/dialogs.md): {@code ## intent @step} groups,
 * {@code ### en|hi|hinglish} languages, {@code - message} lines with {@code [span](slot=value)} and
 * {@code {slot=value}} marks. The training data and the test sets share it.
 */
public final class Examples {

    public enum Lang { EN, HI, HINGLISH }

    /**
     * @param text  the message as the partner typed it (marks removed)
     * @param step  the step the message arrives in ({@code menu} when the group names none)
     * @param slots slot name to canonical value (a span's own words when the mark gives no value)
     */
    public record Example(String intent, String step, Lang lang, String text, Map<String, String> slots, int line) {
    }

    private static final Pattern GROUP = Pattern.compile("^##\\s+([a-z_]+)\\s*(?:@([a-z_]+))?\\s*$");
    private static final Pattern LANG = Pattern.compile("^###\\s+(en|hi|hinglish)\\s*$");
    private static final Pattern SPAN = Pattern.compile("\\[([^\\]]+)]\\(([a-z_]+)(?:=([^)]*))?\\)");
    private static final Pattern TRAILING = Pattern.compile("\\{([a-z_]+)=([^}]*)}\\s*$");

    private Examples() {
    }

    public static List<Example> read(String resource) {
        InputStream in = Examples.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("understanding data not found on the class path: " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(reader.lines().toList(), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Example> parse(List<String> lines, String source) {
        List<Example> out = new ArrayList<>();
        String intent = null;
        String step = "menu";
        Lang lang = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("# ") || line.equals("#")) {
                continue;
            }
            Matcher g = GROUP.matcher(line);
            if (g.matches()) {
                intent = g.group(1);
                step = g.group(2) == null ? "menu" : g.group(2);
                lang = null;
                continue;
            }
            Matcher l = LANG.matcher(line);
            if (l.matches()) {
                lang = Lang.valueOf(l.group(1).toUpperCase(Locale.ROOT));
                continue;
            }
            if (line.startsWith("- ") || line.equals("-")) {
                if (intent == null || lang == null) {
                    throw new IllegalArgumentException(source + ":" + (i + 1) + ": a message before its ## intent and ### language");
                }
                out.add(example(intent, step, lang, line.substring(1).strip(), i + 1));
                continue;
            }
            if (line.startsWith("#")) {
                continue; // other headings are comments
            }
            throw new IllegalArgumentException(source + ":" + (i + 1) + ": not a heading or a '- ' message: " + line);
        }
        return out;
    }

    private static Example example(String intent, String step, Lang lang, String marked, int line) {
        Map<String, String> slots = new LinkedHashMap<>();
        String text = marked;
        Matcher t = TRAILING.matcher(text);
        if (t.find()) {
            slots.put(t.group(1), t.group(2).strip());
            text = text.substring(0, t.start()).strip();
        }
        Matcher s = SPAN.matcher(text);
        StringBuilder plain = new StringBuilder();
        while (s.find()) {
            slots.put(s.group(2), s.group(3) == null ? s.group(1).strip() : s.group(3).strip());
            s.appendReplacement(plain, Matcher.quoteReplacement(s.group(1)));
        }
        s.appendTail(plain);
        return new Example(intent, step, lang, plain.toString(), slots, line);
    }
}
