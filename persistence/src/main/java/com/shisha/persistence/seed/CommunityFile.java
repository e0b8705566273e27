package com.shisha.persistence.seed;

import com.shisha.core.Product;
import com.shisha.core.journey.Skill;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The community of {@code seed/community-tips.json}: top partners (so the leaderboard is not empty on day one)
 * and the tips they share.
 */
record CommunityFile(List<TopPartner> partners, List<Tip> tips) {

    static final String RESOURCE = "seed/community-tips.json";

    record TopPartner(String key, String name, String city, String phone, Set<Product> products, int points) {
    }

    /** @param product null for tips on selling in general (need discovery, closing, compliance) */
    record Tip(String id, TopPartner partner, Skill skill, Product product, String en, String hi) {
    }

    CommunityFile {
        partners = List.copyOf(partners);
        tips = List.copyOf(tips);
    }

    static CommunityFile load() {
        return parse(SeedFiles.read(RESOURCE));
    }

    static CommunityFile parse(JsonNode root) {
        Map<String, TopPartner> partners = new LinkedHashMap<>();
        for (JsonNode p : root.required("partners")) {
            String key = p.path("key").asString("?");
            try {
                Set<Product> products = EnumSet.noneOf(Product.class);
                SeedFiles.texts(p, "products").forEach(code -> products.add(SeedFiles.product(code)));
                TopPartner partner = new TopPartner(key, SeedFiles.text(p, "name"), SeedFiles.text(p, "city"),
                        SeedFiles.text(p, "phone"), products, p.required("points").intValue());
                if (partners.put(key, partner) != null) {
                    throw new IllegalArgumentException("duplicate key");
                }
            } catch (IllegalArgumentException | JacksonException e) {
                throw new IllegalArgumentException("community partner " + key + " is malformed: " + e.getMessage(), e);
            }
        }
        List<Tip> tips = new ArrayList<>();
        for (JsonNode t : root.required("tips")) {
            String id = t.path("id").asString("?");
            try {
                TopPartner partner = partners.get(SeedFiles.text(t, "partner"));
                if (partner == null) {
                    throw new IllegalArgumentException("unknown partner '" + t.get("partner").stringValue() + "'");
                }
                JsonNode product = t.path("product");
                tips.add(new Tip(SeedFiles.text(t, "id"), partner, Skill.ofCode(SeedFiles.text(t, "skill")),
                        product.isNull() || product.isMissingNode() ? null : SeedFiles.product(product.stringValue()),
                        SeedFiles.text(t, "en"), SeedFiles.text(t, "hi")));
            } catch (IllegalArgumentException | JacksonException e) {
                throw new IllegalArgumentException("community tip " + id + " is malformed: " + e.getMessage(), e);
            }
        }
        return new CommunityFile(List.copyOf(partners.values()), tips);
    }
}
