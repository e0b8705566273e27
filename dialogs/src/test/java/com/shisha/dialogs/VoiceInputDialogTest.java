package com.shisha.dialogs;

import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.InboundMessage;
import com.shisha.core.Language;
import com.shisha.core.dialog.ConversationState;
import com.shisha.core.dialog.DialogEngine;
import com.shisha.core.dialog.TurnResult;
import com.shisha.core.voice.VoiceNoteException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** How the dialog treats what a voice note said (the pipeline has already transcribed it). */
class VoiceInputDialogTest {

    private final StateMachineDialogEngine engine = new StateMachineDialogEngine(new Catalogue());
    private final ConversationKey key = new ConversationKey(Channel.WHATSAPP, "+919800000002");
    private ConversationState state = ConversationState.fresh(key);
    private static final List<InboundMessage.Media> AUDIO = List.of(new InboundMessage.Media(
            "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1", "audio/ogg"));

    private com.shisha.dialogs.onboarding.Profile profile() {
        return com.shisha.dialogs.onboarding.Profile.of(state.slots());
    }

    private String turn(InboundMessage message) {
        TurnResult r = engine.handle(state, message);
        state = state.after(r);
        assertThat(r.replies()).hasSize(1);
        return r.replies().get(0);
    }

    private String type(String text) {
        return turn(new InboundMessage(sid(), key, "whatsapp:+14155238886", text, List.of(), null, null));
    }

    private String speak(String heard, double confidence) {
        InboundMessage note = new InboundMessage(sid(), key, "whatsapp:+14155238886", "", AUDIO, null, null);
        return turn(note.heard(new InboundMessage.Voice(heard, confidence, null, false)));
    }

    private String failed(VoiceNoteException.Kind kind) {
        InboundMessage note = new InboundMessage(sid(), key, "whatsapp:+14155238886", "", AUDIO, null, null);
        return turn(note.heard(new InboundMessage.Voice("", 0, kind, false)));
    }

    private static String sid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void confidentWordsDriveTheDialogAsIfTypedAndAreEchoed() {
        type("hi");
        assertThat(speak("asha verma", 0.93)).contains("🎤 \"asha verma\"").contains("Which language");
        // a spoken number reads like the typed digit
        assertThat(speak("one", 0.97)).contains("Which city");
        assertThat(profile().name()).isEqualTo("Asha Verma");
        assertThat(profile().language()).isEqualTo(Language.EN);
    }

    @Test
    void lowConfidenceIsReadBackAndActedOnOnlyAfterYes() {
        type("hi");
        assertThat(speak("ravi kumar", 0.41)).contains("I heard: \"ravi kumar\"").contains("YES");
        assertThat(profile().name()).isNull();
        assertThat(type("yes")).contains("Which language");
        assertThat(profile().name()).isEqualTo("Ravi Kumar");
        assertThat(state.slots()).doesNotContainKey(StateMachineDialogEngine.VOICE_HEARD);
    }

    @Test
    void lowConfidenceRejectedAsksAgainAndOtherTextIsTakenAsTheAnswer() {
        type("hi");
        speak("ravi kumar", 0.3);
        assertThat(type("no")).contains("say it again or type it").contains("What is your name?");
        speak("ravi kumar", 0.3);
        assertThat(type("Ravi Sharma")).contains("Which language");
        assertThat(profile().name()).isEqualTo("Ravi Sharma");
    }

    @Test
    void failuresAreAnsweredWithWhatToDoAndTheQuestionAgain() {
        type("hi");
        assertThat(failed(VoiceNoteException.Kind.UNAVAILABLE)).contains("cannot listen to voice notes right now")
                .contains("What is your name?");
        assertThat(failed(VoiceNoteException.Kind.TOO_LONG)).contains("too long");
        assertThat(failed(VoiceNoteException.Kind.UNSUPPORTED)).contains("cannot play that kind of audio");
        assertThat(failed(VoiceNoteException.Kind.FAILED)).contains("could not play that voice note");
        assertThat(speak("", 0)).contains("could not hear any words");
        assertThat(state.step()).isEqualTo("ASK_NAME");
    }

    @Test
    void hindiPartnerHearsHindiAndHindiNumbersWork() {
        type("hi");
        type("Ravi");
        assertThat(speak("दो", 0.95)).contains("किस शहर");
        assertThat(state.language()).isEqualTo(Language.HI);
        assertThat(failed(VoiceNoteException.Kind.UNAVAILABLE)).contains("वॉइस नोट नहीं सुन सकता");
    }

    @Test
    void listeningUsesAGrammarWhereTheAnswerIsAClosedSet() {
        type("hi");
        assertThat(engine.listening(state).grammar()).as("a name is free speech").isEmpty();
        type("Asha");
        DialogEngine.Listening language = engine.listening(state);
        assertThat(language.grammar()).contains("one", "two", "english", "hindi");
        assertThat(language.recording()).isFalse();
    }

    @Test
    void aTypedThumbsWithoutACoachAnswerIsJustUnreadableInput() {
        type("hi");
        assertThat(type("👍")).contains("What is your name?");
    }
}
