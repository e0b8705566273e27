package com.shisha.ai.voice;

import com.shisha.core.Language;
import com.shisha.core.voice.SpeechRecognizer;
import com.shisha.core.voice.VoiceNoteException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Test double for the speech port: answers with a scripted recognition per language and records what it was
 * given, so tests can check the audio that reached it. Languages without a script are unavailable.
 */
final class ScriptedSpeechRecognizer implements SpeechRecognizer {

    record Call(short[] pcm, Language language, List<String> grammar) {
    }

    private final Map<Language, Recognition> answers = new EnumMap<>(Language.class);
    final List<Call> calls = new ArrayList<>();

    ScriptedSpeechRecognizer answer(Language language, String text, double confidence) {
        answers.put(language, new Recognition(text, confidence));
        return this;
    }

    @Override
    public Recognition recognize(short[] pcm, Language language, List<String> grammar) {
        calls.add(new Call(pcm, language, grammar));
        Recognition answer = answers.get(language);
        if (answer == null) {
            throw new VoiceNoteException(VoiceNoteException.Kind.UNAVAILABLE, "no script for " + language);
        }
        return answer;
    }

    @Override
    public Availability availability(Language language) {
        return answers.containsKey(language) ? new Availability(true, "scripted") : new Availability(false, "VOSK_MODEL_PATH_HI is not set");
    }
}
