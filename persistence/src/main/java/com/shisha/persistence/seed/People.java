package com.shisha.persistence.seed;

import com.shisha.core.Product;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw material of generated people, from {@code seed/people.json}: cities with their tier and region, first
 * names per region and gender, surnames per region, lead sources, and lead notes per product. Validated as a
 * whole on load, so a generator never meets a region without names or a product without notes.
 */
record People(List<City> cities, Map<String, Names> names, List<String> sourceCodes, Map<Product, List<Note>> notes) {

    static final String RESOURCE = "seed/people.json";

    record City(String name, String nameHi, String state, int tier, String region) {
    }

    record Names(List<String> female, List<String> male, List<String> surnames) {
    }

    record Note(String en, String hi) {
    }

    People {
        cities = List.copyOf(cities);
        names = Map.copyOf(names);
        sourceCodes = List.copyOf(sourceCodes);
        notes = Map.copyOf(notes);
    }

    static People load() {
        JsonNode root = SeedFiles.read(RESOURCE);
        try {
            return parse(root);
        } catch (IllegalArgumentException | JacksonException e) {
            throw new IllegalArgumentException(RESOURCE + " is malformed: " + e.getMessage(), e);
        }
    }

    private static People parse(JsonNode root) {
        Map<String, Names> names = new HashMap<>();
        for (String region : SeedFiles.texts(root, "regions")) {
            JsonNode firstNames = root.required("first_names").required(region);
            names.put(region, new Names(SeedFiles.texts(firstNames, "female"), SeedFiles.texts(firstNames, "male"),
                    SeedFiles.texts(root.required("surnames"), region)));
        }
        List<City> cities = new ArrayList<>();
        for (JsonNode c : root.required("cities")) {
            City city = new City(SeedFiles.text(c, "name"), SeedFiles.text(c, "name_hi"), SeedFiles.text(c, "state"),
                    c.required("tier").intValue(), SeedFiles.text(c, "region"));
            if (city.tier() < 1 || city.tier() > 3 || !names.containsKey(city.region())) {
                throw new IllegalArgumentException("city " + city.name() + ": tier must be 1-3 and region one of " + names.keySet());
            }
            cities.add(city);
        }
        for (int tier = 1; tier <= 3; tier++) {
            int t = tier;
            if (cities.stream().noneMatch(c -> c.tier() == t)) {
                throw new IllegalArgumentException("no city of tier " + tier);
            }
        }
        List<String> sources = new ArrayList<>();
        for (JsonNode s : root.required("sources")) {
            sources.add(SeedFiles.text(s, "code"));
        }
        Map<Product, List<Note>> notes = new EnumMap<>(Product.class);
        for (Map.Entry<String, JsonNode> entry : root.required("notes").properties()) {
            List<Note> list = new ArrayList<>();
            for (JsonNode n : entry.getValue()) {
                list.add(new Note(SeedFiles.text(n, "en"), SeedFiles.text(n, "hi")));
            }
            notes.put(SeedFiles.product(entry.getKey()), list);
        }
        for (Product product : Product.values()) {
            if (notes.getOrDefault(product, List.of()).isEmpty()) {
                throw new IllegalArgumentException("no lead notes for " + product);
            }
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no lead sources");
        }
        return new People(cities, names, sources, notes);
    }
}
