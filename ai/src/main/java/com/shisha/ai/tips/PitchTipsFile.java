package com.shisha.ai.tips;

import com.shisha.core.Product;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and checks the pitch-tips file. Every problem is an {@link IllegalStateException} naming the file and the
 * entry, thrown while the application starts, so a bad edit to the content never reaches a partner as a missing tip.
 */
final class PitchTipsFile {

    static final List<String> AGES = List.of("young", "middle", "senior", TipKey.ANY);
    static final List<String> INCOMES = List.of("low", "mid", "high", TipKey.ANY);

    private static final TypeReference<List<TipRow>> ROWS = new TypeReference<>() {
    };
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private PitchTipsFile() {
    }

    /** The rows of the classpath resource, in file order, after every check has passed. */
    static List<TipRow> rows(String resource) {
        List<TipRow> rows = parse(resource);
        for (int i = 0; i < rows.size(); i++) {
            check(resource, i, rows.get(i));
        }
        return rows;
    }

    /** The tips by product and segment; every product has an any/any tip, so every lead gets one. */
    static Map<Product, Map<TipKey, TipRow>> index(String resource) {
        Map<Product, Map<TipKey, TipRow>> byProduct = new EnumMap<>(Product.class);
        List<TipRow> rows = rows(resource);
        for (int i = 0; i < rows.size(); i++) {
            TipRow row = rows.get(i);
            TipKey key = new TipKey(row.segment().age(), row.segment().income());
            TipRow previous = byProduct.computeIfAbsent(product(row.product()), p -> new HashMap<>()).put(key, row);
            if (previous != null) {
                throw problem(resource, i, "a second " + row.product() + " tip for " + key);
            }
        }
        for (Product product : Product.values()) {
            if (!byProduct.getOrDefault(product, Map.of()).containsKey(TipKey.FALLBACK)) {
                throw new IllegalStateException(resource + ": no fallback tip (age any, income any) for product "
                        + code(product));
            }
        }
        return byProduct;
    }

    /** The code a product has in the file: loans, credit_cards, insurance, savings, demat. */
    static String code(Product product) {
        return product == Product.SAVINGS_ACCOUNTS ? "savings" : product.name().toLowerCase();
    }

    private static Product product(String code) {
        for (Product product : Product.values()) {
            if (code(product).equals(code)) {
                return product;
            }
        }
        return null;
    }

    private static List<TipRow> parse(String resource) {
        try (InputStream in = PitchTipsFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            List<TipRow> rows = MAPPER.readValue(in, ROWS);
            if (rows == null || rows.isEmpty()) {
                throw new IllegalStateException(resource + " has no tips");
            }
            return rows;
        } catch (JacksonException e) {
            throw new IllegalStateException(resource + " is not a valid list of tips: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException(resource + " could not be read", e);
        }
    }

    private static void check(String resource, int i, TipRow row) {
        if (row == null) {
            throw problem(resource, i, "an empty entry");
        }
        if (row.product() == null || product(row.product()) == null) {
            throw problem(resource, i, "unknown product '" + row.product() + "'");
        }
        if (row.segment() == null) {
            throw problem(resource, i, "no segment");
        }
        if (!AGES.contains(row.segment().age())) {
            throw problem(resource, i, "unknown age '" + row.segment().age() + "', expected one of " + AGES);
        }
        if (!INCOMES.contains(row.segment().income())) {
            throw problem(resource, i, "unknown income '" + row.segment().income() + "', expected one of " + INCOMES);
        }
        requireText(resource, i, "kb", row.kb());
        requireText(resource, i, "en", row.en());
        requireText(resource, i, "hi", row.hi());
    }

    private static void requireText(String resource, int i, String field, String value) {
        if (value == null || value.isBlank()) {
            throw problem(resource, i, "no '" + field + "' text");
        }
    }

    private static IllegalStateException problem(String resource, int i, String what) {
        return new IllegalStateException(resource + ", tip #" + (i + 1) + ": " + what);
    }
}
