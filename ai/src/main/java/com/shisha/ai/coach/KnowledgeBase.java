package com.shisha.ai.coach;

import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.journey.Skill;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The coach's curated knowledge base: {@code kb/kb.en.md} and {@code kb/kb.hi.md}, the same section ids in both.
 * Each section is {@code ## id | title}, a {@code products:} line, a {@code skills:} line, then text. The files
 * are checked when loaded; any problem throws {@link IllegalStateException} naming the file and the section,
 * because a coach quoting a half-parsed section is worse than a service that does not start.
 */
public final class KnowledgeBase {

    public static final String EN_RESOURCE = "kb/kb.en.md";
    public static final String HI_RESOURCE = "kb/kb.hi.md";
    /** Per section, questions it answers in the words partners use: for retrieval only, never shown. */
    public static final String QUESTIONS_RESOURCE = "kb/questions.tsv";
    /** Requests the guide does not answer (weather, tickets, recharges …): for declining them, never shown. */
    public static final String OFF_TOPIC_RESOURCE = "kb/off-topic.tsv";

    private static final Pattern HEADER = Pattern.compile("^## ([a-z][a-z0-9-]*\\.[a-z0-9][a-z0-9-]*) \\| (\\S.*)$");
    private static final Map<String, Product> PRODUCT_CODES = Map.of("loans", Product.LOANS,
            "credit_cards", Product.CREDIT_CARDS, "insurance", Product.INSURANCE,
            "savings", Product.SAVINGS_ACCOUNTS, "demat", Product.DEMAT);

    private final Map<Language, Map<String, KbSection>> byLanguage;
    private final Map<String, List<String>> questions;
    private final List<String> offTopic;

    private KnowledgeBase(Map<Language, Map<String, KbSection>> byLanguage, Map<String, List<String>> questions,
                          List<String> offTopic) {
        this.byLanguage = byLanguage;
        this.questions = questions;
        this.offTopic = offTopic;
    }

    /** The knowledge base shipped in this module. */
    public static KnowledgeBase load() {
        KnowledgeBase kb = of(parse(EN_RESOURCE, read(EN_RESOURCE), Language.EN), parse(HI_RESOURCE, read(HI_RESOURCE), Language.HI));
        return kb.withQuestions(parseQuestions(QUESTIONS_RESOURCE, read(QUESTIONS_RESOURCE), kb.ids()),
                read(OFF_TOPIC_RESOURCE).lines().map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.equals("question")).toList());
    }

    /** Both languages must hold exactly the same ids, so an answer's sources exist whichever language it is in. */
    public static KnowledgeBase of(List<KbSection> english, List<KbSection> hindi) {
        Map<String, KbSection> en = byId(english);
        Map<String, KbSection> hi = byId(hindi);
        if (!en.keySet().equals(hi.keySet())) {
            Set<String> onlyEn = new java.util.TreeSet<>(en.keySet());
            onlyEn.removeAll(hi.keySet());
            Set<String> onlyHi = new java.util.TreeSet<>(hi.keySet());
            onlyHi.removeAll(en.keySet());
            throw new IllegalStateException("knowledge base languages differ: only in English " + onlyEn
                    + ", only in Hindi " + onlyHi);
        }
        Map<Language, Map<String, KbSection>> all = new EnumMap<>(Language.class);
        all.put(Language.EN, en);
        all.put(Language.HI, hi);
        return new KnowledgeBase(all, Map.of(), List.of());
    }

    KnowledgeBase withQuestions(Map<String, List<String>> questions, List<String> offTopic) {
        return new KnowledgeBase(byLanguage, Map.copyOf(questions), List.copyOf(offTopic));
    }

    /** Everything an index is built from, comparable by value: two guides with equal contents index alike. */
    Object contents() {
        return List.of(List.copyOf(byLanguage.get(Language.EN).values()), List.copyOf(byLanguage.get(Language.HI).values()),
                questions, offTopic);
    }

    /** Requests the guide does not answer ({@link #OFF_TOPIC_RESOURCE}); empty when none are written. */
    public List<String> offTopic() {
        return offTopic;
    }

    /** Questions the section answers, in either language (see {@link #QUESTIONS_RESOURCE}); empty when none are written. */
    public List<String> questions(String id) {
        return questions.getOrDefault(id, List.of());
    }

    private static Map<String, KbSection> byId(List<KbSection> sections) {
        Map<String, KbSection> map = new LinkedHashMap<>();
        sections.forEach(s -> map.put(s.id(), s));
        return java.util.Collections.unmodifiableMap(map);
    }

    public Collection<KbSection> sections(Language language) {
        return byLanguage.get(language).values();
    }

    public Optional<KbSection> section(String id, Language language) {
        return Optional.ofNullable(byLanguage.get(language).get(id));
    }

    public Set<String> ids() {
        return byLanguage.get(Language.EN).keySet();
    }

    static String read(String resource) {
        try (InputStream in = KnowledgeBase.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("knowledge base file " + resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read knowledge base file " + resource, e);
        }
    }

    /** @param name for error messages only */
    static List<KbSection> parse(String name, String content, Language language) {
        List<KbSection> sections = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        List<String> lines = content.replace("\r\n", "\n").lines().toList();
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        while (i < lines.size()) {
            String header = lines.get(i);
            Matcher m = HEADER.matcher(header);
            if (!m.matches()) {
                throw new IllegalStateException(name + " line " + (i + 1) + ": expected '## id | title', found '"
                        + abbreviate(header) + "' (after section " + (sections.isEmpty() ? "none" : sections.get(sections.size() - 1).id()) + ")");
            }
            String id = m.group(1);
            if (!seen.add(id)) {
                throw new IllegalStateException(name + " section " + id + ": id appears twice");
            }
            Set<Product> products = products(name, id, field(name, id, lines, i + 1, "products:"));
            Set<Skill> skills = skills(name, id, field(name, id, lines, i + 2, "skills:"));
            int start = i + 3;
            int end = start;
            while (end < lines.size() && !lines.get(end).startsWith("## ")) {
                if (lines.get(end).startsWith("#")) {
                    throw new IllegalStateException(name + " section " + id + " line " + (end + 1) + ": stray heading '"
                            + abbreviate(lines.get(end)) + "'");
                }
                end++;
            }
            String body = String.join("\n", lines.subList(start, end)).strip();
            if (body.length() < 40) {
                throw new IllegalStateException(name + " section " + id + ": text is missing or too short");
            }
            sections.add(new KbSection(id, language, m.group(2).strip(), products, skills, body));
            i = end;
        }
        if (sections.isEmpty()) {
            throw new IllegalStateException(name + ": no sections");
        }
        return sections;
    }

    /** Lines "section id, a tab, a question"; "#" lines and the header row are skipped. */
    static Map<String, List<String>> parseQuestions(String name, String content, Set<String> ids) {
        Map<String, List<String>> questions = new LinkedHashMap<>();
        List<String> lines = content.replace("\r\n", "\n").lines().toList();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#") || line.startsWith("section\t")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 2 || f[1].isBlank()) {
                throw new IllegalStateException(name + " line " + (n + 1) + ": expected a section id, a tab and a question");
            }
            if (!ids.contains(f[0].strip())) {
                throw new IllegalStateException(name + " line " + (n + 1) + ": no section '" + f[0].strip() + "'");
            }
            questions.computeIfAbsent(f[0].strip(), k -> new ArrayList<>()).add(f[1].strip());
        }
        questions.replaceAll((id, list) -> List.copyOf(list));
        return questions;
    }

    private static String field(String name, String id, List<String> lines, int index, String prefix) {
        if (index >= lines.size() || !lines.get(index).startsWith(prefix)) {
            throw new IllegalStateException(name + " section " + id + " line " + (index + 1) + ": expected a '"
                    + prefix + "' line");
        }
        return lines.get(index).substring(prefix.length()).strip();
    }

    private static Set<Product> products(String name, String id, String value) {
        if (value.equals("none")) {
            return Set.of();
        }
        Set<Product> products = EnumSet.noneOf(Product.class);
        for (String code : codes(name, id, value, "products")) {
            Product p = PRODUCT_CODES.get(code);
            if (p == null) {
                throw new IllegalStateException(name + " section " + id + ": unknown product '" + code + "'");
            }
            products.add(p);
        }
        return products;
    }

    /** The code the guide's files use for a product ("credit_cards"). */
    static String productCode(Product product) {
        return PRODUCT_CODES.entrySet().stream().filter(e -> e.getValue() == product).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }

    private static Set<Skill> skills(String name, String id, String value) {
        Set<Skill> skills = EnumSet.noneOf(Skill.class);
        for (String code : codes(name, id, value, "skills")) {
            Skill skill = java.util.Arrays.stream(Skill.values()).filter(s -> s.code().equals(code)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(name + " section " + id + ": unknown skill '" + code + "'"));
            skills.add(skill);
        }
        return skills;
    }

    private static List<String> codes(String name, String id, String value, String what) {
        List<String> codes = java.util.Arrays.stream(value.split(",")).map(String::strip).toList();
        if (codes.isEmpty() || codes.stream().anyMatch(String::isEmpty)) {
            throw new IllegalStateException(name + " section " + id + ": empty " + what + " list");
        }
        return codes;
    }

    private static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 60) + "...";
    }
}
