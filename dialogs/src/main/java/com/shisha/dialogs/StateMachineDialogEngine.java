package com.shisha.dialogs;

import com.shisha.core.Channel;
import com.shisha.core.InboundMessage;
import com.shisha.core.Language;
import com.shisha.core.dialog.ConversationState;
import com.shisha.core.dialog.DialogEngine;
import com.shisha.core.dialog.DialogEngine.Mode;
import com.shisha.core.dialog.OptOutChange;
import com.shisha.core.dialog.TurnResult;
import com.shisha.core.journey.JourneyUpdate;
import com.shisha.dialogs.coach.Coaching;
import com.shisha.dialogs.callreview.CallReview;
import com.shisha.dialogs.leads.Leads;
import com.shisha.dialogs.onboarding.Onboarding;
import com.shisha.dialogs.onboarding.Profile;
import com.shisha.dialogs.understanding.Answers;
import com.shisha.dialogs.understanding.Understanding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.config.StateMachineFactory;
import org.springframework.statemachine.support.DefaultExtendedState;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import reactor.core.publisher.Mono;

import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The dialog engine: each message is understood once (intent, confidence, slots; {@link Understanding}), then the
 * {@link Router} decides from the intent and the step what happens, usually one event into the state machine. Machines are pooled (see {@link #idle}), because building
 * one per turn costs far more than the turn itself; state lives in the database, never in a machine.
 */
public final class StateMachineDialogEngine implements DialogEngine {

    private static final Logger log = LoggerFactory.getLogger(StateMachineDialogEngine.class);
    /** Longer than any answer the dialogs ask for; such input is answered, not parsed. */
    static final int MAX_INPUT = 1000;
    /** Below this mean word confidence a voice note's words are read back for a YES before they are acted on. */
    static final double MIN_VOICE_CONFIDENCE = 0.6;
    static final String VOICE_HEARD = "voice.heard";
    /** The menu choice that asks for a person (the phone line's keypad offers it; the chat menu names it in help). */
    public static final String PERSON = "person";

    private final StateMachineFactory<Step, Trigger> factory = DialogMachine.factory();
    /**
     * Idle, running machines by the state they rest in. A turn in step S takes a machine already resting in S
     * as it is: a reset costs a reactive pipeline of its own. When no machine rests in S a new one is built, up to
     * {@link #MAX_MACHINES}; only then is an idle one from the fullest pool reset. (With machines only as many as concurrent turns, most turns found none resting in their step: 59-74 %
     * of the turns of partners onboarding 64 at a time were resets.) Machines gather where conversations
     * rest and flow along the dialog, so in steady onboarding about one turn per new partner is a reset, as long
     * as fewer partners than machines are at one step at once: bench/run.sh walks 2,000 partners through the
     * onboarding step by step, and there 11,000 of 20,000 turns are still resets (9 in 10 of the onboarding
     * turns; the menu turns find their machine). Queues that count
     * (LinkedBlockingQueue): finding the fullest pool asks each for its size, O(n) in a ConcurrentLinkedQueue.
     */
    private final Map<Step, LinkedBlockingQueue<StateMachine<Step, Trigger>>> idle = new EnumMap<>(Step.class);
    /** Built machines, idle or in a turn. A started machine holds ~76 KB of heap (measured), 200 ~15 MB. */
    static final int MAX_MACHINES = 200;
    private final int maxMachines;
    private final AtomicInteger machines = new AtomicInteger();
    private final LongAdder resets = new LongAdder();
    private final Catalogue catalogue;
    private final JourneyServices services;
    private final Understanding understanding = Understanding.standard();
    private final Router router = new Router(this);

    /** Onboarding only: journey commands answer that they are unavailable. For tests of the onboarding dialog. */
    StateMachineDialogEngine(Catalogue catalogue) {
        this(catalogue, null);
    }

    public StateMachineDialogEngine(Catalogue catalogue, JourneyServices services) {
        this(catalogue, services, MAX_MACHINES);
    }

    /** @param maxMachines the bound on built machines (tests use 1: every turn in another step resets one) */
    StateMachineDialogEngine(Catalogue catalogue, JourneyServices services, int maxMachines) {
        this.maxMachines = maxMachines;
        this.catalogue = catalogue;
        this.services = services;
        catalogue.verifyComplete();
        for (Step step : Step.values()) {
            idle.put(step, new LinkedBlockingQueue<>());
        }
    }

    @Override
    public TurnResult handle(ConversationState state, InboundMessage message) {
        Step step = Step.of(state.step());
        String raw = message.text();
        // a voice note heard with low confidence waits for YES; then its words are the input
        String pendingVoice = state.slots().get(VOICE_HEARD);
        Optional<Boolean> voiceConfirmed = pendingVoice == null || message.voice() != null
                ? Optional.empty() : Answers.yesNo(Answers.normalise(raw));
        if (voiceConfirmed.orElse(false)) {
            raw = pendingVoice;
        }
        // a tap is understood exactly: the value it stands for in this step, as if typed
        Optional<Taps.Tap> tap = Taps.parse(message.choiceId());
        if (tap.isPresent() && tap.get().kind().equals("menu")) {
            Optional<TurnResult> item = menuTap(step, tap.get(), message, state);
            if (item.isPresent()) {
                return item.get();
            }
        }
        if (tap.isPresent()) {
            raw = Taps.typedIn(step, tap.get(), state.slots()).orElse(raw);
        }
        String text = Answers.normalise(raw);
        if (message.voice() != null) {
            text = Answers.spokenNumber(text).orElse(text);
        }
        Turn turn = new Turn(text, message.conversation().address(), message.conversation().channel(), services,
                state.slots(), state.language(), catalogue);
        turn.raw = raw;
        turn.voice = message.voice();
        turn.messageId = message.providerMessageId();
        turn.spoken = message.spoken();
        turn.callSid = message.callSid();
        if (step == Step.START && tap.isPresent() && tap.get().kind().equals("lang")) {
            turn.chosenLanguage = Answers.language(tap.get().value()).orElse(null);
        }
        turn.slots.remove(VOICE_HEARD);

        if (state.optedOut()) {
            if (!Answers.isOptIn(text)) {
                return result(step, turn); // opted out: listen, never answer
            }
            turn.optOutChange = OptOutChange.OPT_IN;
            turn.say("optin.done");
            DialogMachine.prompt(turn, step);
            return result(step, turn);
        }
        if (step == Step.START && !state.optedOut() && adoptKnownPartner(turn)) {
            if (tap.isPresent()) {
                // a call to a lead asked for in the app, by a partner who never wrote here: its end and its review
                // are this conversation's first messages
                Optional<TurnResult> call = callTap(Step.MAIN_MENU, tap.get(), turn);
                if (call.isPresent()) {
                    return call.get();
                }
            }
            turn.say("welcome.back", Onboarding.profile(turn).name());
            DialogMachine.prompt(turn, Step.MAIN_MENU);
            return result(Step.MAIN_MENU, turn);
        }
        if (state.withAgent()) {
            // a person from the team has this conversation: the bot listens (the agent reads it all) and keeps quiet,
            // but opting out still works as everywhere
            return Answers.isOptOut(text) ? optOut(step, turn) : result(step, turn);
        }
        if (tap.isPresent() && services != null && Profile.of(state.slots()).confirmed() && Step.JOURNEY.contains(step)) {
            Optional<TurnResult> call = callTap(step, tap.get(), turn);
            if (call.isPresent()) {
                return call.get();
            }
        }
        if (turn.chosenLanguage != null) {
            // the phone line asked the language before anything else: the welcome, in it, and the first question
            return fire(step, Trigger.TEXT, turn);
        }
        if (voiceConfirmed.isPresent() && !voiceConfirmed.get()) {
            turn.say("voice.retry");
            DialogMachine.prompt(turn, step);
            return result(step, turn);
        }
        if (message.voice() != null) {
            Optional<TurnResult> answered = voice(step, message.voice(), turn);
            if (answered.isPresent()) {
                return answered.get();
            }
        }
        // Twilio's own opt-out words act exactly, whatever the step and whatever the classifier makes of them
        if (Answers.isOptOut(text)) {
            return optOut(step, turn);
        }
        // a pasted call transcript is long by nature, and a heard one is bounded by the recording's length
        int maxInput = step == Step.CALL_REVIEW ? InboundMessage.MAX_TEXT : MAX_INPUT;
        if (message.voice() == null && raw.length() > maxInput) {
            turn.say("error.too_long", raw.length());
            DialogMachine.prompt(turn, step);
            return result(step, turn);
        }
        Optional<Boolean> thumbs = Coaching.thumbs(raw);
        if (thumbs.isPresent() && Coaching.answered(turn)) {
            Coaching.feedback(turn, thumbs.get());
            return result(step, turn);
        }
        if (text.isEmpty()) {
            turn.say(message.media().isEmpty() ? "error.empty" : "error.media");
            DialogMachine.prompt(turn, step);
            return result(step, turn);
        }
        boolean confirmed = Onboarding.profile(turn).confirmed();
        if (step == Step.LEAD && services != null && services.leadCalls()) {
            Optional<Boolean> record = Leads.callAsked(turn);
            if (record.isPresent()) {
                Leads.callLead(turn, record.get());
                return result(step, turn);
            }
        }
        Optional<TurnResult> exact = router.exactAnswer(step, turn, confirmed);
        if (exact.isPresent()) {
            return exact.get();
        }
        turn.understood = understanding.understand(raw, Router.expect(step));
        return router.route(step, turn.understood, turn, confirmed);
    }

    /** STOP: opted out at once; on SMS Twilio's own opt-out handling confirms (a message from us would be refused). */
    TurnResult optOut(Step step, Turn turn) {
        turn.optOutChange = OptOutChange.OPT_OUT;
        if (turn.channel != Channel.SMS) {
            turn.say("optout.done");
        }
        return result(step, turn);
    }

    /** Says something and asks the step's question again, staying in the step. */
    TurnResult sayAndStay(Step step, Turn turn, String key, Object... args) {
        turn.say(key, args);
        DialogMachine.prompt(turn, step);
        return result(step, turn);
    }

    /**
     * What the phone line reports about a call to a lead, as a tap of the partner's conversation: the call ended
     * ({@code called:<lead>}, then how it went is asked), or its recording is here to review ({@code review:call}).
     */
    private Optional<TurnResult> callTap(Step step, Taps.Tap tap, Turn turn) {
        if (tap.kind().equals("called")) {
            String[] parts = tap.value().split(":", 2);
            if (!parts[0].matches("[0-9]{1,18}")) {
                return Optional.empty();
            }
            boolean opened = Leads.afterCall(turn, Long.parseLong(parts[0]), parts.length > 1 ? parts[1] : "");
            return Optional.of(result(opened ? Step.LEAD : step, turn));
        }
        if (tap.kind().equals("review") && turn.voice != null) {
            if (turn.voice.failure() != null) {
                turn.say("review.call_unheard");
            } else if (CallReview.readCall(turn)) {
                CallReview.review(turn);
            } else {
                CallReview.tooShort(turn);
            }
            return Optional.of(result(step, turn));
        }
        return Optional.empty();
    }

    /** A tap on the main menu's list: that item, from any journey step (an older menu scrolled back to included). */
    private Optional<TurnResult> menuTap(Step step, Taps.Tap tap, InboundMessage message, ConversationState state) {
        if (state.optedOut() || !Profile.of(state.slots()).confirmed() || services == null
                || !Step.JOURNEY.contains(step) || !tap.value().matches("[1-9]|" + PERSON)) {
            return Optional.empty();
        }
        Turn turn = new Turn(tap.value(), message.conversation().address(), message.conversation().channel(), services,
                state.slots(), state.language(), catalogue);
        turn.raw = message.text();
        turn.spoken = message.spoken();
        turn.callSid = message.callSid();
        turn.messageId = message.providerMessageId();
        if (tap.value().equals(PERSON)) {
            return Optional.of(router.human(step, turn));
        }
        Optional<Trigger> trigger = menuItem(Integer.parseInt(tap.value()));
        if (trigger.isPresent()) {
            return Optional.of(fire(step, trigger.get(), turn));
        }
        return Optional.of(sayAndStay(step, turn, "menu.item.6"));
    }

    /**
     * A partner who set up their profile elsewhere (the app, the portal, or WhatsApp before SMS) is not onboarded a
     * second time: a new conversation takes over the stored profile. One read, on a conversation's first message only.
     */
    private boolean adoptKnownPartner(Turn turn) {
        if (services == null || !turn.slots.isEmpty()) {
            return false;
        }
        Optional<com.shisha.core.journey.PartnerContext> known = turn.partner();
        if (known.isEmpty() || known.get().name() == null || known.get().city() == null || known.get().products().isEmpty()) {
            return false;
        }
        com.shisha.core.journey.PartnerContext p = known.get();
        Profile.adopted(p.name(), p.language(), p.city(), p.products()).writeTo(turn.slots);
        turn.language = p.language();
        return true;
    }

    static Optional<Trigger> menuItem(int n) {
        return switch (n) {
            case 1 -> Optional.of(Trigger.QUIZ);
            case 2 -> Optional.of(Trigger.LEADS);
            case 3 -> Optional.of(Trigger.COACH);
            case 4 -> Optional.of(Trigger.PROGRESS);
            case 5 -> Optional.of(Trigger.TOP);
            case 7 -> Optional.of(Trigger.REVIEW);
            default -> Optional.empty();
        };
    }

    /**
     * What a voice note said, before the dialog treats it as typed: a failure or silence is answered here; words
     * heard with low confidence are read back for a YES; otherwise they are echoed and the turn goes on.
     */
    private Optional<TurnResult> voice(Step step, InboundMessage.Voice voice, Turn turn) {
        if (voice.failure() != null) {
            turn.say("voice." + voice.failure().name().toLowerCase(java.util.Locale.ROOT));
            DialogMachine.prompt(turn, step);
            return Optional.of(result(step, turn));
        }
        if (turn.text.isEmpty()) {
            turn.say("voice.nothing_heard");
            DialogMachine.prompt(turn, step);
            return Optional.of(result(step, turn));
        }
        if (voice.recording()) {
            return Optional.empty(); // a call to review is not read back: the review quotes it
        }
        if (voice.confidence() < MIN_VOICE_CONFIDENCE) {
            turn.slots.put(VOICE_HEARD, turn.raw);
            turn.say("voice.confirm", turn.raw);
            return Optional.of(result(step, turn));
        }
        turn.say("voice.heard", turn.raw);
        return Optional.empty();
    }

    @Override
    public Listening listening(ConversationState state, InboundMessage message) {
        Optional<Taps.Tap> tap = Taps.parse(message.choiceId());
        if (tap.isPresent() && tap.get().kind().equals("review")) {
            return new Listening(List.of(), true, Mode.RECORDING); // a call's recording, whatever the partner is doing
        }
        return listening(state);
    }

    @Override
    public Listening listening(ConversationState state) {
        Step step = Step.of(state.step());
        List<String> numbers = state.language() == Language.HI ? Answers.NUMBER_WORDS_HI : Answers.NUMBER_WORDS_EN;
        List<String> grammar = switch (step) {
            case MAIN_MENU -> join(numbers.subList(0, DialogMachine.MENU_ITEMS), GLOBAL_WORDS,
                    List.of("quiz", "leads", "coach", "progress", "top", "tips", "review", "क्विज़", "लीड", "कोच", "प्रगति", "टॉप", "टिप्स"));
            case QUIZ -> join(numbers.subList(0, 4), GLOBAL_WORDS, List.of("a", "b", "c", "d"));
            case LEADS -> join(numbers.subList(0, 9), GLOBAL_WORDS, List.of("more", "back", "और", "वापस"));
            case LEAD -> join(numbers.subList(0, 5), GLOBAL_WORDS, List.of("called", "interested", "sold", "not interested",
                    "wrong number", "back", "कॉल", "रुचि", "बिक्री", "वापस"));
            case CONFIRM -> join(GLOBAL_WORDS, List.of("yes", "no", "हाँ", "नहीं"));
            case ASK_LANGUAGE -> join(numbers.subList(0, 2), List.of("english", "hindi", "इंग्लिश", "हिंदी"));
            default -> List.of(); // names, cities, amounts, questions and calls are free speech
        };
        Mode mode = switch (step) {
            case MAIN_MENU -> Mode.MENU;
            case COACH -> Mode.QUESTION;
            case CALL_REVIEW -> Mode.RECORDING;
            default -> Mode.ANSWER;
        };
        return new Listening(grammar, step == Step.CALL_REVIEW, mode);
    }

    private static final List<String> GLOBAL_WORDS = List.of("menu", "help", "language", "stop", "मेनू", "मदद", "भाषा");

    @SafeVarargs
    private static List<String> join(List<String>... parts) {
        List<String> all = new java.util.ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    /** A feature asked for: it runs once the profile is confirmed and the conversation is in the journey. */
    TurnResult journeyCommand(Step step, Trigger trigger, Turn turn, boolean confirmed) {
        if (!confirmed || services == null) {
            return sayAndStay(step == Step.START ? Step.ASK_NAME : step, turn, "journey.not_yet");
        }
        if (!Step.JOURNEY.contains(step)) {
            return sayAndStay(step, turn, "journey.finish_first");
        }
        return fire(step, trigger, turn);
    }

    /** MORE: the next page of a reply too long for the channel (kept in the slots), or a note that there is none. */
    TurnResult more(Step step, Turn turn) {
        String rest = MorePages.take(turn);
        if (rest == null) {
            turn.say("more.none");
        } else {
            turn.sayLine(rest);
        }
        return result(step, turn);
    }

    TurnResult fire(Step step, Trigger trigger, Turn turn) {
        StateMachine<Step, Trigger> machine = borrow(step);
        boolean healthy = false;
        try {
            List<StateMachineEventResult<Step, Trigger>> results = machine
                    .sendEvent(Mono.just(MessageBuilder.withPayload(trigger).setHeader(DialogMachine.TURN, turn).build()))
                    .collectList().block();
            boolean accepted = results != null && results.stream()
                    .anyMatch(r -> r.getResultType() == StateMachineEventResult.ResultType.ACCEPTED);
            Step next = machine.getState().getId();
            healthy = !machine.hasStateMachineError();
            if (!accepted) {
                // every state takes every trigger, so this is a bug in the machine; still answer the partner
                log.error("dialog event {} was not accepted in step {}", trigger, step);
                turn.say("error.generic");
                DialogMachine.prompt(turn, step);
                return result(step, turn);
            }
            return result(next, turn);
        } finally {
            giveBack(machine, healthy);
        }
    }

    private StateMachine<Step, Trigger> borrow(Step step) {
        StateMachine<Step, Trigger> resting = idle.get(step).poll();
        if (resting != null) {
            return resting;
        }
        // counted before it is built, so concurrent turns cannot build past the bound together
        boolean build = machines.getAndUpdate(n -> n < maxMachines ? n + 1 : n) < maxMachines;
        // otherwise taken from the fullest pool: machines pile up where conversations rest (the main menu), while
        // the first pool in step order is the one the next new partner's second turn needs
        StateMachine<Step, Trigger> machine = build ? null : Collections.max(idle.values(), Comparator.comparingInt(Queue::size)).poll();
        resets.increment();
        if (machine != null) {
            // reset in place, running: stop + start would disarm and re-arm the triggers, enter the initial state,
            // and (spring-statemachine 4.0.2) build a debug message holding the whole machine each time whatever
            // the log level: ~40 µs against ~3.5 µs measured. This machine has no state actions, timers, regions
            // or history for stop and start to handle; aResetMachineAnswersAsABuiltOne holds it to that.
            reset(machine, step);
            return machine;
        }
        machine = factory.getStateMachine();
        if (!build) {
            machines.incrementAndGet(); // every machine is in a turn: one more rather than a turn that waits
        }
        reset(machine, step);
        machine.startReactively().block();
        return machine;
    }

    private static void reset(StateMachine<Step, Trigger> machine, Step step) {
        machine.getStateMachineAccessor().doWithAllRegions(access -> access
                .resetStateMachineReactively(new DefaultStateMachineContext<>(step, null, null, new DefaultExtendedState()))
                .block());
    }

    /** A machine that hit an error is dropped rather than trusted with the next partner's turn. */
    private void giveBack(StateMachine<Step, Trigger> machine, boolean healthy) {
        if (!healthy) {
            machine.stopReactively().block();
            machines.decrementAndGet();
            return;
        }
        idle.get(machine.getState().getId()).offer(machine);
    }

    /** Machines put into a step by a reset, new ones included (for tests). */
    long resets() {
        return resets.sum();
    }

    TurnResult result(Step step, Turn turn) {
        Language language = turn.language;
        List<String> replies = MorePages.fit(turn, turn.replies());
        JourneyUpdate journey = null;
        if (turn.journeyTouched && turn.partner().isPresent()) {
            journey = new JourneyUpdate(turn.partner().get().id(), turn.effects, awards -> announce(language, awards));
        }
        return new TurnResult(step.name(), turn.slots, language, replies, turn.optOutChange, turn.confirmedProfile, journey,
                turn.choices);
    }

    private String announce(Language language, List<JourneyUpdate.Award> awards) {
        List<String> lines = new java.util.ArrayList<>();
        for (JourneyUpdate.Award award : awards) {
            String name = language == Language.HI ? award.nameHi() : award.nameEn();
            lines.add(catalogue.text(language, award.type() == JourneyUpdate.AwardType.BADGE ? "award.badge" : "award.quest",
                    name, award.points()));
        }
        return String.join("\n", lines);
    }

    @Override
    public TurnResult apologise(ConversationState state) {
        Turn turn = new Turn("", state.key().address(), state.slots(), state.language(), catalogue);
        turn.say("error.generic");
        DialogMachine.prompt(turn, Step.of(state.step()));
        return result(Step.of(state.step()), turn);
    }
}
