package com.shisha.dialogs;

import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.InboundMessage;
import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.dialog.ConversationState;
import com.shisha.core.dialog.OptOutChange;
import com.shisha.core.dialog.TurnResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine alone, state carried from turn to turn as the pipeline would. The full path is tested in app. */
class StateMachineDialogEngineTest {

    private final StateMachineDialogEngine engine = new StateMachineDialogEngine(new Catalogue());
    private final ConversationKey key = new ConversationKey(Channel.WHATSAPP, "+919800000001");
    private ConversationState state = ConversationState.fresh(key);

    private TurnResult say(String text) {
        TurnResult r = engine.handle(state, new InboundMessage("SM" + UUID.randomUUID().toString().replace("-", ""), key,
                "whatsapp:+14155238886", text, List.of(), null, null));
        state = state.after(r);
        return r;
    }

    private String reply(String text) {
        List<String> replies = say(text).replies();
        assertThat(replies).hasSize(1);
        return replies.get(0);
    }

    @Test
    void onboardsInEnglish() {
        assertThat(reply("hi")).contains("SHISHA").contains("What is your name?");
        assertThat(reply("asha verma")).contains("Which language");
        assertThat(reply("1")).contains("Which city");
        assertThat(reply("Indore")).contains("Which products");
        assertThat(reply("1,3")).contains("Asha Verma").contains("Indore").contains("Loans, Insurance");
        TurnResult done = say("yes");
        assertThat(done.replies().get(0)).contains("You are all set").contains("Main menu");
        assertThat(done.confirmedProfile().products()).containsExactly(Product.LOANS, Product.INSURANCE);
        assertThat(done.step()).isEqualTo("MAIN_MENU");
        assertThat(reply("MENU")).contains("Main menu");
    }

    @Test
    void hindiAndHinglish() {
        reply("namaste");
        reply("रवि");
        assertThat(reply("हिंदी")).contains("किस शहर");
        assertThat(reply("जयपुर")).contains("कौन से प्रोडक्ट");
        assertThat(reply("bima aur loan")).contains("क्या यह सही है?").contains("*प्रोडक्ट:* लोन, बीमा");
        assertThat(reply("haan")).contains("सब तैयार है");
        assertThat(state.language()).isEqualTo(Language.HI);
    }

    @Test
    void invalidInputReprompts() {
        reply("hi");
        assertThat(reply("12345")).contains("just your name").contains("What is your name?");
        reply("Asha");
        assertThat(reply("french")).contains("did not get that").contains("Which language");
        reply("english");
        reply("Pune");
        assertThat(reply("9")).contains("choose from the list");
        assertThat(reply("१,२")).contains("Loans, Credit cards");
        assertThat(reply("maybe")).contains("YES or NO");
    }

    @Test
    void correctionAtConfirm() {
        reply("hi");
        reply("Asha");
        reply("1");
        reply("Pune");
        reply("2");
        assertThat(reply("no")).contains("What would you like to change?");
        assertThat(reply("3")).contains("Which city");
        assertThat(reply("Nagpur")).contains("Nagpur").contains("Is this correct?");
    }

    @Test
    void globalCommandsAndOptOut() {
        reply("hi");
        assertThat(reply("MENU")).contains("once your profile is set up").contains("What is your name?");
        reply("Asha");
        assertThat(reply("help")).contains("Help").contains("Which language");
        TurnResult stop = say("STOP");
        assertThat(stop.optOutChange()).isEqualTo(OptOutChange.OPT_OUT);
        assertThat(stop.replies().get(0)).contains("START");
        assertThat(say("hello?").replies()).isEmpty();
        assertThat(reply("START")).contains("Welcome back").contains("Which language");
        reply("1");
        assertThat(reply("LANGUAGE")).contains("Which language");
        assertThat(reply("2")).contains("हिंदी").contains("किस शहर");
    }

    @Test
    void longAndEmptyInput() {
        reply("hi");
        assertThat(reply("x".repeat(10_000))).contains("10,000 characters").contains("What is your name?");
        assertThat(reply("🙂🙏")).contains("empty");
        assertThat(reply("Asha 🙂")).contains("Which language");
    }

    /**
     * Partners onboarding side by side, one step at a time each (as a burst of new partners arrives): a turn finds a
     * machine resting in its step, so a machine is put into a step (built or reset) only for each partner's first
     * turn, also past the number of machines kept, and every partner gets the same dialog.
     */
    @Test
    void machinesAreResetOnlyWhenNoneRestsInTheStep() {
        StateMachineDialogEngine fresh = new StateMachineDialogEngine(new Catalogue());
        int partners = StateMachineDialogEngine.MAX_MACHINES + 50;
        String[] script = {"hi", "Asha", "English", "Indore", "1,3", "yes", "MENU", "MENU"};
        ConversationState[] states = new ConversationState[partners];
        for (int p = 0; p < partners; p++) {
            states[p] = ConversationState.fresh(new ConversationKey(Channel.WHATSAPP, "+9198" + String.format("%08d", p)));
        }
        for (int base = 0; base < partners; base += 64) {
            for (String text : script) {
                for (int p = base; p < Math.min(partners, base + 64); p++) {
                    TurnResult r = fresh.handle(states[p], new InboundMessage("SM" + UUID.randomUUID().toString().replace("-", ""),
                            states[p].key(), "whatsapp:+14155238886", text, List.of(), null, null));
                    assertThat(r.replies()).as("partner %d, %s", p, text).hasSize(1);
                    states[p] = states[p].after(r);
                }
            }
        }
        assertThat(states).allSatisfy(s -> assertThat(s.step()).isEqualTo("MAIN_MENU"));
        assertThat(fresh.resets()).isEqualTo(partners);
    }

    /**
     * A machine reset into a step while running answers exactly as one built for it: two engines, one that may
     * build a machine per step and one that must reset its single machine on nearly every turn, get the same
     * interleaved conversations (onboarding in English and Hindi, language change, help, menu too early, editing,
     * opt-out and back) and must give the same replies and steps.
     */
    @Test
    void aResetMachineAnswersAsABuiltOne() {
        StateMachineDialogEngine built = new StateMachineDialogEngine(new Catalogue(), null, StateMachineDialogEngine.MAX_MACHINES);
        StateMachineDialogEngine reset = new StateMachineDialogEngine(new Catalogue(), null, 1);
        String[][] conversations = {
                {"hi", "MENU", "Asha", "2", "LANGUAGE", "English", "Indore", "HELP", "1,3", "no", "2", "Bhopal", "yes", "MENU", "STOP", "hello", "START", "MENU"},
                {"namaste", "रवि", "हिंदी", "जयपुर", "bima aur loan", "haan", "LANGUAGE", "1", "MENU", "xyz"},
                {"hello", "Meera K", "1", "Pune", "loans, demat, savings", "edit", "4", "1", "yes", "quiz"},
                {"hey", "mera naam Sunil hai", "2", "main nagpur se hoon", "3", "nahi", "3", "Lucknow UP", "haan"}};
        ConversationState[][] states = new ConversationState[2][conversations.length];
        for (int c = 0; c < conversations.length; c++) {
            ConversationKey k = new ConversationKey(Channel.WHATSAPP, "+91980000010" + c);
            states[0][c] = ConversationState.fresh(k);
            states[1][c] = ConversationState.fresh(k);
        }
        int longest = java.util.Arrays.stream(conversations).mapToInt(a -> a.length).max().orElseThrow();
        for (int i = 0; i < longest; i++) {
            for (int c = 0; c < conversations.length; c++) {
                if (i >= conversations[c].length) {
                    continue;
                }
                String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
                TurnResult a = built.handle(states[0][c], new InboundMessage(sid, states[0][c].key(), "whatsapp:+14155238886", conversations[c][i], List.of(), null, null));
                TurnResult b = reset.handle(states[1][c], new InboundMessage(sid, states[1][c].key(), "whatsapp:+14155238886", conversations[c][i], List.of(), null, null));
                assertThat(b.replies()).as("conversation %d, %s", c, conversations[c][i]).isEqualTo(a.replies());
                assertThat(b.step()).as("conversation %d, %s", c, conversations[c][i]).isEqualTo(a.step());
                states[0][c] = states[0][c].after(a);
                states[1][c] = states[1][c].after(b);
            }
        }
        assertThat(reset.resets()).as("the single machine was reset on most turns").isGreaterThan(20);
    }
}
