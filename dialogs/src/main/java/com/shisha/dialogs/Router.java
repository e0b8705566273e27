package com.shisha.dialogs;

import com.shisha.core.Language;
import com.shisha.core.dialog.TurnResult;
import com.shisha.dialogs.understanding.Answers;
import com.shisha.dialogs.understanding.Expect;
import com.shisha.dialogs.understanding.Intent;
import com.shisha.dialogs.understanding.Understanding;
import com.shisha.dialogs.understanding.Understood;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One router: from what a message was understood to say and the step the conversation is in, what happens. Inside
 * a step its own answer wins (a quiz option, a lead's number, an outcome, an amount, a name, a city); a clear command
 * leaves the step; an unclear one is answered with the two or three likeliest choices; nonsense gets one short line.
 * Only a question about selling reaches the coach.
 */
final class Router {

    private static final java.util.regex.Pattern LEAD_WORD = java.util.regex.Pattern.compile("(?iu)\\bleads?\\b|लीड");


    /** Intents offered in a "did you mean", numbered in the order they were shown. */
    static final String CLARIFY = "clarify";
    /** A name read back for a yes before it is stored. */
    static final String NAME_PENDING = "name.pending";
    /** Places offered for a city that was not recognised. */
    static final String CITY_SUGGESTED = "city.suggested";
    /** A stop read in a sentence, asked back before the number is opted out. */
    static final String STOP_PENDING = "stop.pending";

    private final StateMachineDialogEngine engine;

    Router(StateMachineDialogEngine engine) {
        this.engine = engine;
    }

    static Expect expect(Step step) {
        return switch (step) {
            case ASK_NAME -> Expect.NAME;
            case ASK_CITY -> Expect.CITY;
            case CONFIRM -> Expect.YES_NO;
            case LEAD -> Expect.OUTCOME;
            case SALE_AMOUNT -> Expect.AMOUNT;
            case QUIZ -> Expect.QUIZ_ANSWER;
            case COACH -> Expect.COACH;
            case CALL_REVIEW -> Expect.CALL;
            default -> Expect.MENU;
        };
    }

    /**
     * Answers that need no understanding: a number picked from what is on screen, a quiz option, the exact answers
     * of the onboarding questions, a yes to a read-back. Empty when the message needs the understanding step.
     */
    Optional<TurnResult> exactAnswer(Step step, Turn turn, boolean confirmed) {
        String text = turn.text;
        String offered = turn.slots.remove(CLARIFY);
        String pendingName = turn.slots.remove(NAME_PENDING);
        String suggested = turn.slots.remove(CITY_SUGGESTED);
        if (turn.slots.remove(STOP_PENDING) != null) {
            Optional<Boolean> yes = Answers.yesNo(text);
            if (yes.isPresent()) {
                if (yes.get()) {
                    return Optional.of(engine.optOut(step, turn));
                }
                return Optional.of(engine.sayAndStay(step, turn, "stop.kept"));
            }
        }
        if (offered != null) {
            List<String> intents = Arrays.asList(offered.split(","));
            Optional<Integer> n = Answers.choice(text, intents.size());
            if (n.isPresent()) {
                Intent intent = Intent.valueOf(intents.get(n.get() - 1));
                return Optional.of(route(step, Understood.of(intent, 1, List.of()), turn, confirmed));
            }
        }
        if (step == Step.ASK_NAME && pendingName != null) {
            Optional<Boolean> yes = Answers.yesNo(text);
            if (yes.isPresent()) {
                if (yes.get()) {
                    turn.understood = new Understood(Intent.NAME, 1, List.of(), pendingName, true, null, null, null, null,
                            null, null);
                    return Optional.of(engine.fire(step, Trigger.TEXT, turn));
                }
                return Optional.of(engine.sayAndStay(step, turn, "name.again"));
            }
        }
        if (step == Step.ASK_CITY && suggested != null) {
            List<String> places = Arrays.asList(suggested.split("\\|"));
            Optional<Integer> n = Answers.choice(text, places.size());
            if (n.isPresent()) {
                var place = com.shisha.dialogs.understanding.Gazetteer.india().byName(places.get(n.get() - 1));
                if (place.isPresent()) {
                    turn.understood = Understood.of(Intent.CITY, 1, List.of()).withPlace(place.get(), List.of());
                    return Optional.of(engine.fire(step, Trigger.TEXT, turn));
                }
            }
        }
        boolean exact = switch (step) {
            case MAIN_MENU -> false;
            case QUIZ -> text.matches("(?i)[a-d1-4कखगघ]");
            case LEADS -> text.matches("[0-9]{1,2}");
            case LEAD -> text.matches("[1-5]");
            case ASK_LANGUAGE -> Answers.language(text).isPresent();
            case ASK_PRODUCTS -> Answers.products(text).isPresent();
            case CONFIRM -> Answers.yesNo(text).isPresent();
            case EDIT -> Answers.choice(text, 4).isPresent();
            default -> false;
        };
        if (exact) {
            if (step == Step.LEAD) {
                turn.understood = Understood.of(Intent.OUTCOME, 1, List.of())
                        .withOutcome(com.shisha.core.journey.JourneyEffect.OutcomeKind.values()[text.charAt(0) - '1']);
            }
            return Optional.of(engine.fire(step, Trigger.TEXT, turn));
        }
        // BACK from a lead or its sale amount: the list again (elsewhere "back" is read like any other words)
        boolean back = Answers.isBack(text);
        if (back && confirmed && turn.services != null && (step == Step.LEAD || step == Step.SALE_AMOUNT || step == Step.LEADS)) {
            return Optional.of(engine.fire(step, Trigger.LEADS, turn));
        }
        if (step == Step.MAIN_MENU && confirmed && text.matches("[0-9]{1,3}")
                && Answers.choice(text, DialogMachine.MENU_ITEMS).isEmpty()) {
            return Optional.of(engine.sayAndStay(step, turn, "error.menu"));
        }
        if (step == Step.MAIN_MENU && confirmed && turn.services != null) {
            Optional<Trigger> item = Answers.choice(text, DialogMachine.MENU_ITEMS).flatMap(StateMachineDialogEngine::menuItem);
            if (item.isPresent()) {
                return Optional.of(engine.fire(step, item.get(), turn));
            }
            if (Answers.choice(text, DialogMachine.MENU_ITEMS).isPresent()) {
                return Optional.of(engine.fire(step, Trigger.TEXT, turn)); // 6: help
            }
        }
        return Optional.empty();
    }

    TurnResult route(Step step, Understood u, Turn turn, boolean confirmed) {
        Intent intent = u.intent();
        if (step == Step.START && !(intent == Intent.MENU || intent == Intent.HELP || intent == Intent.LANGUAGE)) {
            return engine.fire(step, Trigger.TEXT, turn); // a first message is answered with the welcome
        }
        boolean onboarding = !Step.JOURNEY.contains(step);
        if (onboarding && !intent.isCommand() && intent != Intent.GREET && intent != Intent.THANKS
                && intent != Intent.QUESTION && intent != Intent.NAME && intent != Intent.CITY) {
            return engine.fire(step, Trigger.TEXT, turn); // the step reads it, or says what it needs and asks again
        }
        if (needsClarifying(u)) {
            return clarify(step, u, turn);
        }
        switch (intent) {
            case NAME -> {
                if (!u.nameSure()) {
                    turn.slots.put(NAME_PENDING, u.name());
                    turn.say("name.check", u.name());
                    turn.offer(Taps.yesNo(turn, "name"));
                    return engine.result(step, turn);
                }
                return engine.fire(step, Trigger.TEXT, turn);
            }
            case CITY -> {
                if (u.place() == null && !u.suggestions().isEmpty()) {
                    List<String> names = u.suggestions().stream().map(p -> p.nameWithState()).toList();
                    turn.slots.put(CITY_SUGGESTED, String.join("|", names));
                    List<String> lines = new ArrayList<>();
                    for (int i = 0; i < u.suggestions().size(); i++) {
                        var p = u.suggestions().get(i);
                        lines.add((i + 1) + ". " + placeName(turn, p));
                    }
                    turn.say("city.did_you_mean", String.join("\n", lines));
                    List<String> numbers = java.util.stream.IntStream.rangeClosed(1, names.size()).mapToObj(Integer::toString).toList();
                    // numbers, not the places, on the buttons: each distinct set of choices is a content at Twilio
                    Taps.numbered(turn, "place", numbers, numbers);
                    return engine.result(step, turn);
                }
                return engine.fire(step, Trigger.TEXT, turn);
            }
            case AMOUNT, OUTCOME -> {
                return engine.fire(step, Trigger.TEXT, turn);
            }
            case STOP -> {
                // Twilio's own words opted out before the understanding step; a sentence is asked back first,
                // since a wrong guess would silence the partner
                turn.slots.put(STOP_PENDING, "true");
                turn.say("stop.confirm");
                turn.offer(Taps.yesNo(turn, "stop"));
                return engine.result(step, turn);
            }
            case START -> {
                if (step == Step.START) {
                    return engine.fire(step, Trigger.TEXT, turn);
                }
                DialogMachine.prompt(turn, step);
                return engine.result(step, turn);
            }
            case MENU -> {
                if (!confirmed) {
                    Step at = step == Step.START ? Step.ASK_NAME : step;
                    return engine.sayAndStay(at, turn, "menu.not_yet");
                }
                return engine.fire(step, Trigger.SHOW_MENU, turn);
            }
            case HELP -> {
                return engine.sayAndStay(step, turn, confirmed ? "menu.item.6" : "help");
            }
            case LANGUAGE -> {
                return language(step, u, turn);
            }
            case MORE -> {
                // "aur leads", "more leads": a fresh list of leads, not the next page of the last reply
                if (confirmed && turn.services != null && LEAD_WORD.matcher(turn.text).find()) {
                    turn.understood = u;
                    return engine.journeyCommand(step, Trigger.LEADS, turn, confirmed);
                }
                return engine.more(step, turn);
            }
            case QUIZ, LEADS, PROGRESS, TOP, TIPS, FOLLOW, UNFOLLOW, COACH, CALL_REVIEW -> {
                Trigger trigger = switch (intent) {
                    case QUIZ -> Trigger.QUIZ;
                    case LEADS -> Trigger.LEADS;
                    case PROGRESS -> Trigger.PROGRESS;
                    case TOP -> Trigger.TOP;
                    case TIPS -> Trigger.TIPS;
                    case FOLLOW -> Trigger.FOLLOW;
                    case UNFOLLOW -> Trigger.UNFOLLOW;
                    case COACH -> Trigger.COACH;
                    default -> Trigger.REVIEW;
                };
                // TOP's city and FOLLOW's target travel in turn.understood
                turn.understood = u;
                return engine.journeyCommand(step, trigger, turn, confirmed);
            }
            case HUMAN -> {
                return human(step, turn);
            }
            case GREET -> {
                return greet(step, turn, confirmed);
            }
            case THANKS -> {
                turn.say("thanks.reply");
                if (!Step.JOURNEY.contains(step)) {
                    DialogMachine.prompt(turn, step == Step.START ? Step.ASK_NAME : step);
                }
                return engine.result(step == Step.START ? Step.ASK_NAME : step, turn);
            }
            case QUESTION -> {
                return question(step, turn, confirmed);
            }
            case AFFIRM, DENY -> {
                if (step == Step.MAIN_MENU && intent == Intent.AFFIRM) {
                    // YES at the menu takes up the next step shown under it (the quiz right after onboarding)
                    Optional<Trigger> next = com.shisha.dialogs.progress.ProgressDialog.suggested(turn).flatMap(Router::triggerFor);
                    if (next.isPresent() && confirmed && turn.services != null) {
                        return engine.fire(step, next.get(), turn);
                    }
                }
                if (Step.JOURNEY.contains(step) && step != Step.MAIN_MENU) {
                    return engine.fire(step, Trigger.TEXT, turn); // the step's own reading, or its re-prompt
                }
                return nonsense(step, turn, "affirm.nothing");
            }
            case NONSENSE -> {
                if (Step.JOURNEY.contains(step) && step != Step.MAIN_MENU && step != Step.COACH) {
                    return engine.fire(step, Trigger.TEXT, turn); // the step's own "please reply 1 to 5"
                }
                return nonsense(step, turn, "nonsense");
            }
        }
        throw new IllegalStateException("unrouted intent " + intent);
    }

    private static Optional<Trigger> triggerFor(String nextBestAction) {
        return Optional.ofNullable(switch (nextBestAction) {
            case "TAKE_QUIZ", "RETAKE_QUIZ" -> Trigger.QUIZ;
            case "CALL_LEAD", "GET_LEADS" -> Trigger.LEADS;
            case "TIPS" -> Trigger.TIPS;
            case "QUEST" -> Trigger.PROGRESS;
            default -> null;
        });
    }

    /** Unsure between commands: "did you mean" with the likeliest two or three, each a number to reply with. */
    private static boolean needsClarifying(Understood u) {
        if (u.confidence() >= Understanding.SURE || !u.intent().isCommand() && u.intent() != Intent.QUESTION) {
            return false;
        }
        return u.alternatives().size() > 1 && u.alternatives().get(1).intent().isCommand()
                && u.alternatives().get(1).confidence() >= 0.12;
    }

    private TurnResult clarify(Step step, Understood u, Turn turn) {
        List<Intent> offered = new ArrayList<>();
        for (Understood.Alternative a : u.alternatives()) {
            if (offered.size() == 3 || a.confidence() < 0.1 && offered.size() >= 2) {
                break;
            }
            if (a.intent().isCommand() || a.intent() == Intent.QUESTION) {
                offered.add(a.intent());
            }
        }
        if (offered.size() < 2) {
            return nonsense(step, turn, "nonsense");
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < offered.size(); i++) {
            lines.add((i + 1) + ". " + turn.text("intent." + offered.get(i).label()));
        }
        turn.slots.put(CLARIFY, String.join(",", offered.stream().map(Enum::name).toList()));
        turn.say("clarify", String.join("\n", lines));
        Taps.numbered(turn, "clarify", java.util.stream.IntStream.rangeClosed(1, offered.size()).mapToObj(Integer::toString).toList(),
                offered.stream().map(i -> turn.text("intent." + i.label())).toList());
        return engine.result(step, turn);
    }

    private TurnResult language(Step step, Understood u, Turn turn) {
        if (u.language() == null || step == Step.START) {
            return engine.fire(step, Trigger.CHANGE_LANGUAGE, turn);
        }
        com.shisha.dialogs.onboarding.Onboarding.setLanguage(turn, u.language());
        DialogMachine.prompt(turn, step);
        return engine.result(step, turn);
    }

    private TurnResult greet(Step step, Turn turn, boolean confirmed) {
        if (step == Step.START) {
            return engine.fire(step, Trigger.TEXT, turn);
        }
        if (!confirmed) {
            turn.say("greet.onboarding");
            DialogMachine.prompt(turn, step);
            return engine.result(step, turn);
        }
        String name = com.shisha.dialogs.onboarding.Onboarding.profile(turn).name();
        turn.say("greet.named", name == null ? "" : name);
        return engine.fire(step, Trigger.SHOW_MENU, turn);
    }

    private TurnResult question(Step step, Turn turn, boolean confirmed) {
        if (!confirmed || turn.services == null) {
            return engine.sayAndStay(step == Step.START ? Step.ASK_NAME : step, turn, "journey.not_yet");
        }
        if (step == Step.COACH || step == Step.CALL_REVIEW) {
            return engine.fire(step, Trigger.TEXT, turn);
        }
        com.shisha.dialogs.coach.Coaching.answer(turn);
        if (step != Step.MAIN_MENU) {
            DialogMachine.prompt(turn, step);
        }
        return engine.result(step, turn);
    }

    /** A person asked for: recorded where support works from, with a reference the partner can quote. */
    TurnResult human(Step step, Turn turn) {
        var escalations = turn.services == null ? null : turn.services.escalations();
        if (escalations == null) {
            turn.say("human.unavailable");
            return engine.result(step, turn);
        }
        String reference = escalations.record(turn.key(), com.shisha.core.coach.CoachEscalations.Reason.PERSON_REQUESTED,
                turn.language, turn.raw, turn.services.clock().instant(), turn.messageId());
        turn.say("human.requested", reference);
        return engine.result(step, turn);
    }

    private TurnResult nonsense(Step step, Turn turn, String key) {
        turn.say(key);
        if (!Step.JOURNEY.contains(step) || step != Step.MAIN_MENU && step != Step.COACH) {
            DialogMachine.prompt(turn, step == Step.START ? Step.ASK_NAME : step);
        }
        return engine.result(step == Step.START ? Step.ASK_NAME : step, turn);
    }

    static String placeName(Turn turn, com.shisha.dialogs.understanding.Place p) {
        boolean hi = turn.language == Language.HI && p.nameHi() != null && !p.nameHi().isEmpty();
        return hi ? p.nameHi() + ", " + p.stateHi() : p.name() + ", " + p.state();
    }
}
