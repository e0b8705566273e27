package com.shisha.core.pipeline;

import com.shisha.core.InboundMessage;
import com.shisha.core.PhoneMask;
import com.shisha.core.dialog.ConversationState;
import com.shisha.core.dialog.DialogEngine;
import com.shisha.core.voice.SpeechRecognizer;
import com.shisha.core.voice.VoiceNoteException;
import com.shisha.core.voice.VoiceNotes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Turns a voice note into the text it says before the dialog sees it, so the dialog handles spoken and typed
 * input alike. Runs inside the conversation's turn (after the lock, before the commit): a crash mid-way
 * transcribes again, and a later message of the same conversation waits for it, which keeps the order.
 */
public final class VoiceInputs {

    private static final Logger log = LoggerFactory.getLogger(VoiceInputs.class);

    private final VoiceNotes notes;
    private final VoiceNotes recordings;
    private final CpuGate gate;

    /**
     * @param notes      for messages to the bot (short; grammar where the dialog has one)
     * @param recordings for sales-call recordings sent for review (longer limit, free speech)
     */
    public VoiceInputs(VoiceNotes notes, VoiceNotes recordings, CpuGate gate) {
        this.notes = notes;
        this.recordings = recordings;
        this.gate = gate;
    }

    /** The message with the voice note's words as its text, or unchanged when it carries text or no audio. */
    public InboundMessage prepare(InboundMessage message, ConversationState state, DialogEngine dialogs) {
        if (!message.text().isBlank() || message.voice() != null) {
            return message;
        }
        Optional<InboundMessage.Media> audio = message.media().stream().filter(notes::isAudio).findFirst();
        if (audio.isEmpty()) {
            return message;
        }
        DialogEngine.Listening listening = dialogs.listening(state, message);
        VoiceNotes which = listening.recording() ? recordings : notes;
        long start = System.nanoTime();
        try {
            SpeechRecognizer.Recognition heard = gate.outside(
                    () -> which.transcribe(audio.get(), state.language(), listening.grammar()));
            log.info("voice note {} of {} heard in {} ms (confidence {}, grammar of {} phrases{})",
                    message.providerMessageId(), PhoneMask.mask(message.conversation().address()),
                    (System.nanoTime() - start) / 1_000_000, String.format("%.2f", heard.confidence()),
                    listening.grammar().size(), listening.recording() ? ", call recording" : "");
            return message.heard(new InboundMessage.Voice(heard.text(), heard.confidence(), null, listening.recording()));
        } catch (VoiceNoteException e) {
            log.warn("voice note {} of {} not transcribed ({}): {}", message.providerMessageId(),
                    PhoneMask.mask(message.conversation().address()), e.kind(), e.getMessage());
            return message.heard(new InboundMessage.Voice("", 0, e.kind(), listening.recording()));
        } catch (RuntimeException e) {
            log.error("voice note {} of {} failed unexpectedly", message.providerMessageId(),
                    PhoneMask.mask(message.conversation().address()), e);
            return message.heard(new InboundMessage.Voice("", 0, VoiceNoteException.Kind.FAILED, listening.recording()));
        }
    }
}
