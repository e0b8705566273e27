package com.shisha.dialogs;

import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.InboundMessage;
import com.shisha.core.Language;
import com.shisha.core.dialog.Choices;
import com.shisha.core.dialog.ConversationState;
import com.shisha.core.dialog.TurnResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The router over the onboarding dialog (no journey services): slots as people say them, taps, read-backs. */
class RouterTest {

    private final StateMachineDialogEngine engine = new StateMachineDialogEngine(new Catalogue());
    private final ConversationKey key = new ConversationKey(Channel.WHATSAPP, "+919800000077");
    private ConversationState state = ConversationState.fresh(key);

    private com.shisha.dialogs.onboarding.Profile profile() {
        return com.shisha.dialogs.onboarding.Profile.of(state.slots());
    }

    private TurnResult say(String text) {
        return send(text, null);
    }

    private TurnResult tap(String title, String choiceId) {
        return send(title, choiceId);
    }

    private TurnResult send(String text, String choiceId) {
        TurnResult r = engine.handle(state, new InboundMessage("SM" + UUID.randomUUID().toString().replace("-", ""), key,
                "whatsapp:+14155238886", text, List.of(), null, null, null, choiceId));
        state = state.after(r);
        return r;
    }

    private static String text(TurnResult r) {
        assertThat(r.replies()).hasSize(1);
        return r.replies().get(0);
    }

    @Test
    void aNameInASentenceIsStoredWithoutItsFrame() {
        say("hello");
        assertThat(text(say("mera naam Ramesh Kumar hai"))).contains("Which language");
        assertThat(profile().name()).isEqualTo("Ramesh Kumar");
    }

    @Test
    void aDevanagariNameKeepsItsScript() {
        say("नमस्ते");
        say("मेरा नाम राहुल है");
        assertThat(profile().name()).isEqualTo("राहुल");
    }

    @Test
    void menuWordsAndNumbersAreNoName() {
        say("hi");
        assertThat(text(say("menu"))).contains("profile is set up").contains("What is your name?");
        assertThat(text(say("12345"))).contains("just your name");
        assertThat(profile().name()).isNull();
    }

    @Test
    void anUnsureNameIsReadBackBeforeItIsStored() {
        say("hi");
        TurnResult r = say("Ram Prakash Singh Yadav");
        assertThat(text(r)).contains("Is your name *Ram Prakash Singh Yadav*?");
        assertThat(r.choices().kind()).isEqualTo(Choices.Kind.BUTTONS);
        assertThat(profile().name()).isNull();
        assertThat(text(tap("Yes", "name:yes"))).contains("Which language");
        assertThat(profile().name()).isEqualTo("Ram Prakash Singh Yadav");
    }

    @Test
    void aCityInASentenceIsStoredCanonicalWithStateAndCoordinates() {
        say("hi");
        say("Asha");
        say("1");
        assertThat(text(say("main indore se hoon"))).contains("Which products");
        assertThat(profile().city()).isEqualTo("Indore");
        assertThat(profile().state()).isEqualTo("Madhya Pradesh");
        assertThat(profile().latitude()).isBetween(22.0, 23.5);
        assertThat(profile().longitude()).isBetween(75.0, 76.5);
    }

    @Test
    void anUnknownPlaceIsNeverStoredAsTyped() {
        say("hi");
        say("Asha");
        say("1");
        assertThat(text(say("xyz"))).contains("could not find that place");
        assertThat(profile().city()).isNull();
        assertThat(state.step()).isEqualTo("ASK_CITY");
    }

    @Test
    void tapsAnswerTheirStepExactlyAndStaleTapsAreReadAsTheirTitle() {
        TurnResult welcome = say("hi");
        assertThat(welcome.choices()).isNull();
        TurnResult language = say("Asha");
        assertThat(language.choices().items()).extracting(Choices.Choice::id).containsExactly("lang:1", "lang:2");
        assertThat(text(tap("हिंदी", "lang:2"))).contains("किस शहर");
        assertThat(state.language()).isEqualTo(Language.HI);
        // the language button tapped again at the city question: read as its title (asking for Hindi), not as "2"
        assertThat(text(tap("हिंदी", "lang:2"))).contains("किस शहर").doesNotContain("कौन से प्रोडक्ट");
        assertThat(profile().city()).isNull();
        say("jaipur");
        TurnResult products = tap("बीमा", "products:3");
        assertThat(text(products)).contains("*प्रोडक्ट:* बीमा");
        assertThat(products.choices().items()).extracting(Choices.Choice::id).containsExactly("confirm:yes", "confirm:no");
        TurnResult done = tap("हाँ", "confirm:yes");
        assertThat(done.confirmedProfile()).isNotNull();
        assertThat(done.choices().kind()).isEqualTo(Choices.Kind.LIST);
        assertThat(done.choices().items()).hasSize(7);
    }

    @Test
    void nonsenseAtAQuestionGetsTheQuestionAgain() {
        say("hi");
        say("Asha");
        say("1");
        assertThat(text(say("asdf qwer"))).contains("Which city");
    }

    @Test
    void anUnsureCommandIsOfferedAsChoicesAndTheNumberPicksOne() {
        say("hi");
        Turn turn = new Turn("kuch dikhao", key.address(), state.slots(), state.language(), new Catalogue());
        var understood = com.shisha.dialogs.understanding.Understood.of(com.shisha.dialogs.understanding.Intent.LEADS, 0.3,
                List.of(new com.shisha.dialogs.understanding.Understood.Alternative(com.shisha.dialogs.understanding.Intent.LEADS, 0.3),
                        new com.shisha.dialogs.understanding.Understood.Alternative(com.shisha.dialogs.understanding.Intent.TOP, 0.25),
                        new com.shisha.dialogs.understanding.Understood.Alternative(com.shisha.dialogs.understanding.Intent.GREET, 0.2),
                        new com.shisha.dialogs.understanding.Understood.Alternative(com.shisha.dialogs.understanding.Intent.TIPS, 0.15)));
        TurnResult r = new Router(engine).route(Step.ASK_NAME, understood, turn, false);
        state = state.after(r);
        assertThat(text(r)).contains("Did you mean:\n1. My leads\n2. Top partners\n3. Tips from top partners");
        assertThat(r.choices().items()).extracting(Choices.Choice::id).containsExactly("clarify:1", "clarify:2", "clarify:3");
        // the second choice, tapped: TOP, which waits for the profile to be set up
        assertThat(text(tap("Top partners", "clarify:2"))).contains("opens once your profile is set up");
        assertThat(state.slots()).doesNotContainKey(Router.CLARIFY);
    }
}
