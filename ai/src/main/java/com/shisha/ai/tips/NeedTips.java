package com.shisha.ai.tips;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;

/**
 * The hand-written opening line per {@link TipFamily} ({@code tips/need-tips.json}), each naming the knowledge-base
 * section it rests on. Read and checked once: a family without a tip, or a tip without English, Hindi or a
 * section, fails at start-up.
 */
final class NeedTips {

    static final String RESOURCE = "tips/need-tips.json";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    record Tip(TipFamily family, String kb, String en, String hi) {
    }

    private NeedTips() {
    }

    static Map<TipFamily, Tip> load(KbSections kb) {
        JsonNode root;
        try (InputStream in = NeedTips.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            root = JSON.readTree(in);
        } catch (IOException | JacksonException e) {
            throw new IllegalStateException(RESOURCE + " is not readable JSON: " + e.getMessage(), e);
        }
        Map<TipFamily, Tip> tips = new EnumMap<>(TipFamily.class);
        for (JsonNode row : root) {
            TipFamily family = TipFamily.ofCode(row.path("family").asString(""));
            Tip tip = new Tip(family, row.path("kb").asString(""), row.path("en").asString(""), row.path("hi").asString(""));
            if (tip.en().isBlank() || tip.hi().isBlank() || kb.byId(tip.kb(), com.shisha.core.Language.EN).isEmpty()) {
                throw new IllegalStateException(RESOURCE + ": the " + family.code() + " tip needs en, hi and a known kb section");
            }
            if (tips.put(family, tip) != null) {
                throw new IllegalStateException(RESOURCE + ": a second tip for " + family.code());
            }
        }
        for (TipFamily f : TipFamily.values()) {
            if (!tips.containsKey(f)) {
                throw new IllegalStateException(RESOURCE + ": no tip for " + f.code());
            }
        }
        return tips;
    }
}
