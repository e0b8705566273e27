package com.shisha.core.voice;

import com.shisha.core.InboundMessage;
import com.shisha.core.Language;

import java.util.List;
import java.util.Map;

/** Turns a voice note (download, decode, recognise) into text that drives the dialog as if typed. */
public interface VoiceNotes {

    /** Whether the media is audio this service tries to transcribe. */
    boolean isAudio(InboundMessage.Media media);

    /**
     * @param grammar phrases the dialog expects at this point; empty for free speech
     * @throws VoiceNoteException with the reason; the caller answers the partner and logs it
     */
    SpeechRecognizer.Recognition transcribe(InboundMessage.Media media, Language language, List<String> grammar);

    /** Per language: ready or why not. */
    Map<Language, SpeechRecognizer.Availability> status();
}
