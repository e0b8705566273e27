package com.shisha.dialogs;

import com.shisha.core.Product;
import org.springframework.messaging.Message;
import org.springframework.statemachine.StateContext;
import org.springframework.statemachine.action.Action;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.config.StateMachineFactory;
import org.springframework.statemachine.config.builders.StateMachineTransitionConfigurer;
import org.springframework.statemachine.guard.Guard;

import java.util.EnumSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The onboarding and main-menu dialog as a spring-statemachine. Each question state accepts TEXT: a guard
 * parses it; valid input moves to the ROUTE choice, which goes to the first slot still missing (so a
 * correction or a language change resumes exactly where it should); invalid input stays with a re-prompt.
 */
final class OnboardingMachine {

    static final String TURN = "turn";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OnboardingMachine.class);
    static final int MENU_ITEMS = 7;

    private OnboardingMachine() {
    }

    static StateMachineFactory<Step, Trigger> factory() {
        try {
            StateMachineBuilder.Builder<Step, Trigger> b = StateMachineBuilder.builder();
            b.configureConfiguration().withConfiguration().autoStartup(false);
            b.configureStates().withStates()
                    .initial(Step.START)
                    .choice(Step.ROUTE)
                    .choice(Step.QUIZ_ROUTE)
                    .states(EnumSet.allOf(Step.class));
            transitions(b.configureTransitions());
            return b.createFactory();
        } catch (Exception e) {
            throw new IllegalStateException("the onboarding state machine is misconfigured", e);
        }
    }

    private static void transitions(StateMachineTransitionConfigurer<Step, Trigger> t) throws Exception {
        t.withExternal().source(Step.START).target(Step.ROUTE).event(Trigger.TEXT).action(say("welcome"));

        question(t, Step.ASK_NAME, turn -> {
            var u = turn.understood;
            if (u == null || u.intent() != com.shisha.dialogs.understanding.Intent.NAME || u.name() == null) {
                return false;
            }
            turn.slots.put(Turn.NAME, u.name());
            return true;
        }, "error.name");

        question(t, Step.ASK_LANGUAGE, turn -> Input.language(turn.text).map(language -> {
            turn.slots.put(Turn.LANGUAGE, language.code());
            turn.language = language;
            turn.say("language.set");
            return true;
        }).orElse(false), "error.language");

        question(t, Step.ASK_CITY, turn -> {
            var u = turn.understood;
            if (u == null || u.intent() != com.shisha.dialogs.understanding.Intent.CITY || u.place() == null) {
                return false;
            }
            turn.setCity(u.place());
            return true;
        }, "error.city");

        question(t, Step.ASK_PRODUCTS, turn -> Input.products(turn.text).map(products -> {
            turn.slots.put(Turn.PRODUCTS, products.stream().map(Product::name).collect(Collectors.joining(",")));
            return true;
        }).orElse(false), "error.products");

        question(t, Step.CONFIRM, turn -> Input.yesNo(turn.text).or(() -> understoodYesNo(turn)).map(yes -> {
            if (yes) {
                turn.slots.put(Turn.CONFIRMED, "true");
                turn.confirmedProfile = turn.profile();
                turn.say("onboarding.done", turn.slots.get(Turn.NAME));
                turn.say("onboarding.quiz_offer");
            } else {
                turn.slots.put(Turn.EDITING, "true");
            }
            return true;
        }).orElse(false), "error.yesno");

        question(t, Step.EDIT, turn -> Input.choice(turn.text, 4).map(n -> {
            turn.slots.remove(Turn.EDITING);
            turn.slots.remove(Turn.CONFIRMED);
            turn.slots.remove(new String[]{Turn.NAME, Turn.LANGUAGE, Turn.CITY, Turn.PRODUCTS}[n - 1]);
            return true;
        }).orElse(false), "error.edit");

        // menu items other than help are journey commands, which the engine fires as their own triggers; free
        // text that is not a menu choice is a question for the coach
        step(t, Step.MAIN_MENU, Step.ROUTE, turn -> Input.choice(turn.text, MENU_ITEMS).filter(n -> n == 6).map(n -> {
            turn.say("menu.item." + n);
            return true;
        }).orElse(false), null, turn -> {
            boolean words = turn.raw.strip().contains(" ") || turn.raw.contains("?");
            if (words && CoachDialogs.coachOpen(turn)) {
                CoachDialogs.answer(turn);
            } else {
                turn.say("error.menu");
                prompt(turn, Step.MAIN_MENU);
            }
        });

        journey(t);

        for (Step step : EnumSet.complementOf(EnumSet.of(Step.ROUTE, Step.QUIZ_ROUTE))) {
            t.withExternal().source(step).target(Step.ASK_LANGUAGE).event(Trigger.CHANGE_LANGUAGE)
                    .action(turnAction((turn, ctx) -> {
                        turn.slots.remove(Turn.LANGUAGE);
                        prompt(turn, Step.ASK_LANGUAGE);
                    }));
            t.withExternal().source(step).target(Step.MAIN_MENU).event(Trigger.SHOW_MENU)
                    .action(turnAction((turn, ctx) -> prompt(turn, Step.MAIN_MENU)));
        }

        t.withChoice().source(Step.ROUTE)
                .first(Step.ASK_NAME, missing(Turn.NAME), promptFor(Step.ASK_NAME))
                .then(Step.ASK_LANGUAGE, missing(Turn.LANGUAGE), promptFor(Step.ASK_LANGUAGE))
                .then(Step.ASK_CITY, missing(Turn.CITY), promptFor(Step.ASK_CITY))
                .then(Step.ASK_PRODUCTS, missing(Turn.PRODUCTS), promptFor(Step.ASK_PRODUCTS))
                .then(Step.EDIT, ctx -> turn(ctx).has(Turn.EDITING), promptFor(Step.EDIT))
                .then(Step.CONFIRM, missing(Turn.CONFIRMED), promptFor(Step.CONFIRM))
                .last(Step.MAIN_MENU, promptFor(Step.MAIN_MENU));
    }

    /** The journey: commands from any journey step, then the quiz, leads and outcome steps. */
    private static void journey(StateMachineTransitionConfigurer<Step, Trigger> t) throws Exception {
        for (Step step : Step.JOURNEY) {
            t.withExternal().source(step).target(Step.QUIZ).event(Trigger.QUIZ).action(run(JourneyDialogs::startOrResumeQuiz));
            t.withExternal().source(step).target(Step.LEADS).event(Trigger.LEADS).action(run(JourneyDialogs::showLeads));
            t.withExternal().source(step).target(Step.MAIN_MENU).event(Trigger.PROGRESS).action(run(JourneyDialogs::showProgress));
            t.withExternal().source(step).target(Step.MAIN_MENU).event(Trigger.TOP).action(run(JourneyDialogs::showTop));
            t.withExternal().source(step).target(Step.MAIN_MENU).event(Trigger.TIPS).action(run(JourneyDialogs::showTips));
            t.withExternal().source(step).target(Step.MAIN_MENU).event(Trigger.FOLLOW).action(run(turn -> JourneyDialogs.follow(turn, true)));
            t.withExternal().source(step).target(Step.MAIN_MENU).event(Trigger.UNFOLLOW).action(run(turn -> JourneyDialogs.follow(turn, false)));
            t.withExternal().source(step).target(Step.COACH).event(Trigger.COACH).action(run(CoachDialogs::enter));
            t.withExternal().source(step).target(Step.CALL_REVIEW).event(Trigger.REVIEW).action(run(CoachDialogs::enterReview));
        }
        t.withInternal().source(Step.COACH).event(Trigger.TEXT).action(run(CoachDialogs::answer));
        step(t, Step.CALL_REVIEW, Step.MAIN_MENU, CoachDialogs::readCall, CoachDialogs::review, CoachDialogs::reviewTooShort);
        step(t, Step.QUIZ, Step.QUIZ_ROUTE, turn -> !JourneyDialogs.quizIds(turn).isEmpty() && JourneyDialogs.readAnswer(turn),
                JourneyDialogs::recordAnswer, turn -> {
                    if (JourneyDialogs.quizIds(turn).isEmpty()) {
                        JourneyDialogs.startOrResumeQuiz(turn); // the run was lost (cleared state): start afresh
                    } else if (CoachDialogs.answerIfQuestion(turn)) {
                        JourneyDialogs.askQuestion(turn);
                    } else {
                        turn.say("quiz.invalid");
                        JourneyDialogs.askQuestion(turn);
                    }
                });
        t.withChoice().source(Step.QUIZ_ROUTE)
                .first(Step.MAIN_MENU, ctx -> JourneyDialogs.quizFinished(turn(ctx)), run(JourneyDialogs::finishQuiz))
                .last(Step.QUIZ, run(JourneyDialogs::askQuestion));
        step(t, Step.LEADS, Step.LEAD, JourneyDialogs::readLeadChoice, JourneyDialogs::showLead,
                orCoach(Step.LEADS, JourneyDialogs::leadChoiceInvalid));
        Guard<Step, Trigger> outcome = ctx -> turn(ctx).parsedOnce(Step.LEAD, JourneyDialogs::readOutcome);
        t.withExternal().source(Step.LEAD).target(Step.SALE_AMOUNT).event(Trigger.TEXT)
                .guard(ctx -> outcome.evaluate(ctx) && turn(ctx).outcome == com.shisha.core.journey.JourneyEffect.OutcomeKind.SOLD)
                .action(say("lead.amount_prompt"));
        t.withExternal().source(Step.LEAD).target(Step.LEADS).event(Trigger.TEXT)
                .guard(ctx -> outcome.evaluate(ctx) && turn(ctx).outcome != com.shisha.core.journey.JourneyEffect.OutcomeKind.SOLD)
                .action(run(JourneyDialogs::recordOutcome));
        t.withInternal().source(Step.LEAD).event(Trigger.TEXT).guard(ctx -> !outcome.evaluate(ctx))
                .action(run(orCoach(Step.LEAD, turn -> turn.say("lead.outcome_invalid"))));
        step(t, Step.SALE_AMOUNT, Step.LEADS, JourneyDialogs::readAmount, JourneyDialogs::recordSale,
                turn -> turn.say("lead.amount_invalid"));
    }

    /**
     * A step that takes TEXT: parsed input moves to {@code target} with {@code onValid} (may be null); anything
     * else stays, with {@code onInvalid}. The parser runs once per turn however many guards ask.
     */
    private static void step(StateMachineTransitionConfigurer<Step, Trigger> t, Step step, Step target,
                             Function<Turn, Boolean> parse, java.util.function.Consumer<Turn> onValid,
                             java.util.function.Consumer<Turn> onInvalid) throws Exception {
        Guard<Step, Trigger> accepted = ctx -> turn(ctx).parsedOnce(step, parse);
        var accept = t.withExternal().source(step).target(target).event(Trigger.TEXT).guard(accepted);
        if (onValid != null) {
            accept.action(run(onValid));
        }
        t.withInternal().source(step).event(Trigger.TEXT).guard(ctx -> !accepted.evaluate(ctx)).action(run(onInvalid));
    }

    /** Invalid input that is really a question: the coach answers it and the step asks again; otherwise {@code invalid}. */
    private static java.util.function.Consumer<Turn> orCoach(Step step, java.util.function.Consumer<Turn> invalid) {
        return turn -> {
            if (CoachDialogs.answerIfQuestion(turn)) {
                prompt(turn, step);
            } else {
                invalid.accept(turn);
            }
        };
    }

    private static Action<Step, Trigger> run(java.util.function.Consumer<Turn> body) {
        return turnAction((turn, ctx) -> body.accept(turn));
    }

    /**
     * A question state: TEXT that the parser accepts moves on to ROUTE; anything else stays, with the error
     * and the question again. The parser validates and stores, so both guards share one parse per turn.
     */
    private static void question(StateMachineTransitionConfigurer<Step, Trigger> t, Step step,
                                 Function<Turn, Boolean> parseAndStore, String errorKey) throws Exception {
        step(t, step, Step.ROUTE, parseAndStore, null, turn -> {
            turn.say(errorKey);
            prompt(turn, step);
        });
    }

    /** "yes that's right", "haan ji bilkul sahi hai": a yes or no the understanding step read in a whole sentence. */
    private static java.util.Optional<Boolean> understoodYesNo(Turn turn) {
        var u = turn.understood;
        if (u == null || u.confidence() < com.shisha.dialogs.understanding.Understanding.SURE) {
            return java.util.Optional.empty();
        }
        return switch (u.intent()) {
            case AFFIRM -> java.util.Optional.of(true);
            case DENY -> java.util.Optional.of(false);
            default -> java.util.Optional.empty();
        };
    }

    /** Says the question (or menu) of a step. Used when entering it and when repeating it. */
    static void prompt(Turn turn, Step step) {
        Taps.offer(turn, step);
        switch (step) {
            case ASK_NAME -> turn.say("prompt.name");
            case ASK_LANGUAGE -> turn.say("prompt.language");
            case ASK_CITY -> turn.say("prompt.city", turn.slots.get(Turn.NAME));
            case ASK_PRODUCTS -> turn.say("prompt.products");
            case CONFIRM -> turn.say("prompt.confirm", turn.slots.get(Turn.NAME),
                    turn.text("language.name." + turn.language.code()),
                    turn.cityName(), turn.productNames());
            case EDIT -> turn.say("prompt.edit");
            case MAIN_MENU -> {
                turn.say("menu", turn.slots.getOrDefault(Turn.NAME, ""));
                JourneyDialogs.menuExtras(turn);
            }
            case QUIZ -> {
                if (JourneyDialogs.quizIds(turn).isEmpty()) {
                    turn.say("menu", turn.slots.getOrDefault(Turn.NAME, ""));
                } else {
                    JourneyDialogs.askQuestion(turn);
                }
            }
            case LEADS -> turn.say("leads.invalid");
            case LEAD -> turn.say("lead.outcome_prompt");
            case SALE_AMOUNT -> turn.say("lead.amount_prompt");
            case COACH -> turn.say(CoachDialogs.coachOpen(turn) ? "coach.prompt" : "coach.closed");
            case CALL_REVIEW -> CoachDialogs.enterReview(turn);
            case START, ROUTE, QUIZ_ROUTE -> turn.say("welcome");
        }
    }

    private static Action<Step, Trigger> promptFor(Step step) {
        return turnAction((turn, ctx) -> prompt(turn, step));
    }

    private static Action<Step, Trigger> say(String key) {
        return turnAction((turn, ctx) -> turn.say(key));
    }

    private static Guard<Step, Trigger> missing(String slot) {
        return ctx -> !turn(ctx).has(slot);
    }

    /**
     * spring-statemachine turns an exception in an action into a refused event and keeps the cause to itself;
     * it is logged here so an operator sees what failed. The engine then apologises to the partner.
     */
    private static Action<Step, Trigger> turnAction(BiConsumer<Turn, StateContext<Step, Trigger>> body) {
        return ctx -> {
            try {
                body.accept(turn(ctx), ctx);
            } catch (RuntimeException e) {
                LOG.error("dialog action failed in {} on {}", ctx.getSource() == null ? null : ctx.getSource().getId(),
                        ctx.getEvent(), e);
                throw e;
            }
        };
    }

    static Turn turn(StateContext<Step, Trigger> ctx) {
        Message<Trigger> message = ctx.getMessage();
        return (Turn) message.getHeaders().get(TURN);
    }
}
