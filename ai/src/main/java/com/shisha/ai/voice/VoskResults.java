package com.shisha.ai.voice;

import com.shisha.core.voice.SpeechRecognizer.Recognition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects Vosk's JSON results (one per utterance, with word confidences from setWords(true)) into one
 * Recognition. "[unk]" is what grammar mode says for speech outside the grammar: it is dropped from the
 * text and from the mean, so an off-grammar answer comes back empty rather than as a forced menu choice.
 */
final class VoskResults {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    static final String UNKNOWN = "[unk]";

    private final List<String> words = new ArrayList<>();
    private double confidenceSum;

    void add(String json) {
        JsonNode result = JSON.readTree(json).path("result");
        for (JsonNode word : result) {
            String text = word.path("word").asString("");
            if (text.isBlank() || text.equals(UNKNOWN)) {
                continue;
            }
            words.add(text);
            confidenceSum += Math.max(0, Math.min(1, word.path("conf").asDouble(0)));
        }
    }

    Recognition recognition() {
        return new Recognition(String.join(" ", words), words.isEmpty() ? 0 : confidenceSum / words.size());
    }

    /** Vosk's grammar argument: a JSON array of phrases, plus "[unk]" so speech outside it is not forced onto it. */
    static String grammarJson(List<String> phrases) {
        List<String> all = new ArrayList<>();
        for (String p : phrases) {
            String phrase = p.strip().toLowerCase(java.util.Locale.ROOT); // Vosk vocabularies are lower case
            if (!phrase.isEmpty() && !all.contains(phrase)) {
                all.add(phrase);
            }
        }
        all.add(UNKNOWN);
        return JSON.writeValueAsString(all);
    }
}
