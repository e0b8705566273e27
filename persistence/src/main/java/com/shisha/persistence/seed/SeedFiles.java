package com.shisha.persistence.seed;

import com.shisha.core.Product;
import com.shisha.core.journey.Skill;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reading the JSON files under {@code seed/} on the classpath, and the codes they share. */
final class SeedFiles {

    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private SeedFiles() {
    }

    static JsonNode read(String resource) {
        try (InputStream in = SeedFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("seed file " + resource + " is not on the classpath");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read seed file " + resource, e);
        }
    }

    static String text(JsonNode node, String field) {
        String value = node.required(field).stringValue();
        if (value.isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is blank");
        }
        return value;
    }

    static List<String> texts(JsonNode node, String field) {
        JsonNode array = node.required(field);
        if (!array.isArray() || array.isEmpty()) {
            throw new IllegalArgumentException("'" + field + "' must be a non-empty array");
        }
        List<String> values = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            values.add(element.stringValue());
        }
        return values;
    }

    /**
     * The files name products by their skill codes (loans, credit_cards, insurance, savings, demat); the skill
     * enum already maps each product skill to its product, so the two spellings cannot drift apart.
     */
    static Product product(String code) {
        return Skill.ofCode(code).product()
                .orElseThrow(() -> new IllegalArgumentException("'" + code + "' is a skill, not a product"));
    }
}
