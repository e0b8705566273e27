package com.shisha.persistence.jdbc;

import com.shisha.core.InboundMessage;
import com.shisha.core.dialog.Choices;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The few JSON columns we have (slots, media, template variables, choices), read and written with one shared mapper. */
public final class Json {

    private static final TypeReference<LinkedHashMap<String, String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<InboundMessage.Media>> MEDIA = new TypeReference<>() {
    };

    private static final TypeReference<List<List<Object>>> ARRAYS = new TypeReference<>() {
    };
    private static final ObjectMapper SHARED = JsonMapper.builder().build();

    private final ObjectMapper mapper = SHARED;

    /** A JSON array of arrays, as json_agg(json_build_array(...)) returns it. */
    static List<List<Object>> readArrays(String text) {
        return text == null ? List.of() : SHARED.readValue(text, ARRAYS);
    }

    String write(Object value) {
        return mapper.writeValueAsString(value);
    }

    Map<String, String> readSlots(String text) {
        return text == null ? Map.of() : mapper.readValue(text, STRINGS);
    }

    Map<String, String> readTemplateVariables(String text) {
        return text == null ? Map.of() : mapper.readValue(text, STRINGS);
    }

    /** Null for null: most replies offer no choices. */
    String writeChoices(Choices choices) {
        return choices == null ? null : mapper.writeValueAsString(choices);
    }

    Choices readChoices(String text) {
        return text == null ? null : mapper.readValue(text, Choices.class);
    }

    List<InboundMessage.Media> readMedia(String text) {
        return text == null ? List.of() : mapper.readValue(text, MEDIA);
    }
}
