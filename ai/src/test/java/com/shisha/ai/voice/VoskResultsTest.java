package com.shisha.ai.voice;

import com.shisha.core.voice.SpeechRecognizer.Recognition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Vosk's result JSON (the shape libvosk 0.3.45 prints with setWords(true)) to one Recognition. */
class VoskResultsTest {

    @Test
    void utterancesJoinAndConfidenceIsTheMeanOverWords() {
        VoskResults results = new VoskResults();
        results.add("{\"result\":[{\"conf\":1.0,\"end\":0.9,\"start\":0.5,\"word\":\"i\"},"
                + "{\"conf\":0.5,\"end\":1.3,\"start\":0.9,\"word\":\"called\"}],\"text\":\"i called\"}");
        results.add("{\"result\":[{\"conf\":0.6,\"end\":2.0,\"start\":1.6,\"word\":\"three\"}],\"text\":\"three\"}");

        Recognition r = results.recognition();

        assertThat(r.text()).isEqualTo("i called three");
        assertThat(r.confidence()).isCloseTo(0.7, within(1e-9));
    }

    @Test
    void nothingHeardIsEmptyWithZeroConfidence() {
        VoskResults results = new VoskResults();
        results.add("{\"text\":\"\"}");

        assertThat(results.recognition()).isEqualTo(new Recognition("", 0));
    }

    @Test
    void speechOutsideTheGrammarIsDroppedNotForcedOntoAnOption() {
        VoskResults results = new VoskResults();
        results.add("{\"result\":[{\"conf\":0.9,\"end\":0.5,\"start\":0.1,\"word\":\"[unk]\"},"
                + "{\"conf\":0.8,\"end\":1.0,\"start\":0.6,\"word\":\"two\"}],\"text\":\"[unk] two\"}");

        assertThat(results.recognition()).isEqualTo(new Recognition("two", 0.8));
    }

    @Test
    void theGrammarIsAJsonArrayOfLowerCasePhrasesWithUnknown() {
        assertThat(VoskResults.grammarJson(List.of("One", " two ", "one", "credit card", "\"quoted\"")))
                .isEqualTo("[\"one\",\"two\",\"credit card\",\"\\\"quoted\\\"\",\"[unk]\"]");
    }
}
