package com.shisha.ai.tips;

import com.shisha.core.Language;
import com.shisha.core.Product;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The knowledge base's sections by id, in both languages, read once: just enough to put a product's sections
 * into a pitch-tip prompt. Retrieval for the coach is elsewhere; this only looks sections up by id and product.
 * The format: "## id | title", then "products: a, b", "skills: ...", then the text up to the next "## ".
 */
final class KbSections {

    record Section(String id, String title, List<String> products, String text) {
    }

    private final Map<Language, Map<String, Section>> byLanguage = new LinkedHashMap<>();

    KbSections() {
        for (Language language : Language.values()) {
            byLanguage.put(language, parse("kb/kb." + language.code() + ".md"));
        }
    }

    Optional<Section> byId(String id, Language language) {
        return Optional.ofNullable(byLanguage.get(language).get(id));
    }

    /** The product's sections in file order. */
    List<Section> forProduct(Product product, Language language) {
        String code = PitchTipsFile.code(product);
        return byLanguage.get(language).values().stream().filter(s -> s.products().contains(code)).toList();
    }

    private static Map<String, Section> parse(String resource) {
        String text;
        try (InputStream in = KbSections.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Section> sections = new LinkedHashMap<>();
        for (String block : text.split("(?m)^(?=## )")) {
            if (!block.startsWith("## ")) {
                continue;
            }
            String[] lines = block.strip().split("\\R");
            String[] head = lines[0].substring(3).split("\\|", 2);
            List<String> products = List.of();
            List<String> body = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].startsWith("products:")) {
                    products = Arrays.stream(lines[i].substring(9).split(",")).map(String::strip).toList();
                } else if (!lines[i].startsWith("skills:")) {
                    body.add(lines[i]);
                }
            }
            String id = head[0].strip();
            sections.put(id, new Section(id, head.length > 1 ? head[1].strip() : id, products, String.join("\n", body).strip()));
        }
        if (sections.isEmpty()) {
            throw new IllegalStateException(resource + " has no sections");
        }
        return sections;
    }
}
