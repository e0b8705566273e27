package com.shisha.dialogs;

import com.shisha.dialogs.callreview.CallReview;
import com.shisha.dialogs.coach.Coaching;
import com.shisha.dialogs.community.Community;
import com.shisha.dialogs.leads.Leads;
import com.shisha.dialogs.onboarding.Onboarding;
import com.shisha.dialogs.onboarding.Profile;
import com.shisha.dialogs.progress.ProgressDialog;
import com.shisha.dialogs.quiz.Quiz;
import com.shisha.dialogs.understanding.Intent;
import org.springframework.messaging.Message;
import org.springframework.statemachine.StateContext;
import org.springframework.statemachine.action.Action;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.config.StateMachineFactory;
import org.springframework.statemachine.config.builders.StateMachineTransitionConfigurer;
import org.springframework.statemachine.guard.Guard;

import java.util.EnumSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The dialog as one spring-statemachine: onboarding (each question accepts TEXT that its feature reads; valid input
 * moves to the ROUTE choice, which goes to the first question still unanswered, so a correction or a language
 * change resumes exactly where it should), then the journey's steps. The features (packages onboarding, quiz,
 * leads, progress, community, coach, callreview) do the reading and the wording; this class only wires them.
 */
final class DialogMachine {

    static final String TURN = "turn";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DialogMachine.class);
    static final int MENU_ITEMS = 7;

    private DialogMachine() {
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
            throw new IllegalStateException("the dialog state machine is misconfigured", e);
        }
    }

    private static void transitions(StateMachineTransitionConfigurer<Step, Trigger> t) throws Exception {
        // a stranger who writes in Devanagari is welcomed (and onboarded) in Hindi
        t.withExternal().source(Step.START).target(Step.ROUTE).event(Trigger.TEXT).action(turnAction((turn, ctx) -> {
            if (turn.chosenLanguage != null) {
                // picked on a phone call before the conversation began: onboarding does not ask it again
                Onboarding.profile(turn).withLanguage(turn.chosenLanguage).writeTo(turn.slots);
                turn.switchLanguage(turn.chosenLanguage);
            } else if (writesDevanagari(turn.text)) {
                turn.switchLanguage(com.shisha.core.Language.HI);
            }
            turn.say("welcome");
        }));

        question(t, Step.ASK_NAME, Onboarding::readName, "error.name");
        question(t, Step.ASK_LANGUAGE, Onboarding::readLanguage, "error.language");
        question(t, Step.ASK_CITY, Onboarding::readCity, "error.city");
        question(t, Step.ASK_PRODUCTS, Onboarding::readProducts, "error.products");
        question(t, Step.CONFIRM, Onboarding::readConfirmation, "error.yesno");
        question(t, Step.EDIT, Onboarding::readEdit, "error.edit");

        // the router fires the menu's items as their own triggers; TEXT here is menu 6 (help) or a number off the menu
        step(t, Step.MAIN_MENU, Step.MAIN_MENU, turn -> "6".equals(turn.text), turn -> {
            turn.say("menu.item.6");
            prompt(turn, Step.MAIN_MENU);
        }, turn -> {
            turn.say("error.menu");
            prompt(turn, Step.MAIN_MENU);
        });

        journey(t);

        for (Step step : EnumSet.complementOf(EnumSet.of(Step.ROUTE, Step.QUIZ_ROUTE))) {
            t.withExternal().source(step).target(Step.ASK_LANGUAGE).event(Trigger.CHANGE_LANGUAGE)
                    .action(turnAction((turn, ctx) -> {
                        Onboarding.profile(turn).withLanguage(null).writeTo(turn.slots);
                        prompt(turn, Step.ASK_LANGUAGE);
                    }));
            t.withExternal().source(step).target(Step.MAIN_MENU).event(Trigger.SHOW_MENU)
                    .action(turnAction((turn, ctx) -> prompt(turn, Step.MAIN_MENU)));
        }

        t.withChoice().source(Step.ROUTE)
                .first(Step.ASK_NAME, missing(Profile.Field.NAME), promptFor(Step.ASK_NAME))
                .then(Step.ASK_LANGUAGE, missing(Profile.Field.LANGUAGE), promptFor(Step.ASK_LANGUAGE))
                .then(Step.ASK_CITY, missing(Profile.Field.CITY), promptFor(Step.ASK_CITY))
                .then(Step.ASK_PRODUCTS, missing(Profile.Field.PRODUCTS), promptFor(Step.ASK_PRODUCTS))
                .then(Step.EDIT, ctx -> Onboarding.profile(turn(ctx)).editing(), promptFor(Step.EDIT))
                .then(Step.CONFIRM, ctx -> !Onboarding.profile(turn(ctx)).confirmed(), promptFor(Step.CONFIRM))
                .last(Step.MAIN_MENU, promptFor(Step.MAIN_MENU));
    }

    /** The journey: commands from any journey step, then the quiz, leads and outcome steps. */
    private static void journey(StateMachineTransitionConfigurer<Step, Trigger> t) throws Exception {
        for (Step step : Step.JOURNEY) {
            t.withExternal().source(step).target(Step.QUIZ).event(Trigger.QUIZ).action(run(Quiz::startOrResume));
            t.withExternal().source(step).target(Step.LEADS).event(Trigger.LEADS).action(run(Leads::show));
            t.withExternal().source(step).target(Step.MAIN_MENU).event(Trigger.PROGRESS).action(run(ProgressDialog::show));
            t.withExternal().source(step).target(Step.MAIN_MENU).event(Trigger.TOP).action(run(Community::showTop));
            t.withExternal().source(step).target(Step.MAIN_MENU).event(Trigger.TIPS).action(run(Community::showTips));
            t.withExternal().source(step).target(Step.MAIN_MENU).event(Trigger.FOLLOW).action(run(Community::follow));
            t.withExternal().source(step).target(Step.MAIN_MENU).event(Trigger.UNFOLLOW).action(run(Community::unfollow));
            t.withExternal().source(step).target(Step.COACH).event(Trigger.COACH).action(run(Coaching::enter));
            t.withExternal().source(step).target(Step.CALL_REVIEW).event(Trigger.REVIEW).action(run(CallReview::enter));
        }
        t.withInternal().source(Step.COACH).event(Trigger.TEXT).action(run(Coaching::answer));
        step(t, Step.CALL_REVIEW, Step.MAIN_MENU, CallReview::readCall, turn -> {
            CallReview.review(turn);
            prompt(turn, Step.MAIN_MENU);
        }, CallReview::tooShort);
        step(t, Step.QUIZ, Step.QUIZ_ROUTE, Quiz::readAnswer, Quiz::recordAnswer, turn -> {
            if (Quiz.run(turn).isEmpty()) {
                Quiz.startOrResume(turn); // the run was lost (cleared state): start afresh
            } else if (answeredAsQuestion(turn)) {
                Quiz.ask(turn);
            } else {
                turn.say("quiz.invalid");
                Quiz.ask(turn);
            }
        });
        t.withChoice().source(Step.QUIZ_ROUTE)
                .first(Step.MAIN_MENU, ctx -> Quiz.finished(turn(ctx)), run(turn -> {
                    Quiz.finish(turn);
                    ProgressDialog.stale(turn);
                }))
                .last(Step.QUIZ, run(Quiz::ask));
        step(t, Step.LEADS, Step.LEAD, Leads::readChoice, Leads::open, orCoach(Step.LEADS, Leads::choiceInvalid));
        Guard<Step, Trigger> outcome = ctx -> turn(ctx).parsedOnce(Step.LEAD, Leads::readOutcome);
        t.withExternal().source(Step.LEAD).target(Step.SALE_AMOUNT).event(Trigger.TEXT)
                .guard(ctx -> outcome.evaluate(ctx) && Leads.soldRead(turn(ctx)))
                .action(say("lead.amount_prompt"));
        t.withExternal().source(Step.LEAD).target(Step.LEADS).event(Trigger.TEXT)
                .guard(ctx -> outcome.evaluate(ctx) && !Leads.soldRead(turn(ctx)))
                .action(run(turn -> {
                    Leads.recordOutcome(turn);
                    ProgressDialog.stale(turn);
                }));
        t.withInternal().source(Step.LEAD).event(Trigger.TEXT).guard(ctx -> !outcome.evaluate(ctx))
                .action(run(orCoach(Step.LEAD, turn -> turn.say("lead.outcome_invalid"))));
        step(t, Step.SALE_AMOUNT, Step.LEADS, Leads::readAmount, turn -> {
            Leads.recordSale(turn);
            ProgressDialog.stale(turn);
        }, turn -> turn.say("lead.amount_invalid"));
    }

    /**
     * A step that takes TEXT: parsed input moves to {@code target} with {@code onValid} (may be null); anything
     * else stays, with {@code onInvalid}. The parser runs once per turn however many guards ask.
     */
    private static void step(StateMachineTransitionConfigurer<Step, Trigger> t, Step step, Step target,
                             Function<Turn, Boolean> parse, Consumer<Turn> onValid, Consumer<Turn> onInvalid) throws Exception {
        Guard<Step, Trigger> accepted = ctx -> turn(ctx).parsedOnce(step, parse);
        var accept = t.withExternal().source(step).target(target).event(Trigger.TEXT).guard(accepted);
        if (onValid != null) {
            accept.action(run(onValid));
        }
        t.withInternal().source(step).event(Trigger.TEXT).guard(ctx -> !accepted.evaluate(ctx)).action(run(onInvalid));
    }

    /** A question the understanding step read in a journey step: the coach answers it, then the step asks again. */
    private static boolean answeredAsQuestion(Turn turn) {
        if (turn.understood == null || turn.understood.intent() != Intent.QUESTION || !Coaching.open(turn)) {
            return false;
        }
        Coaching.answer(turn);
        return true;
    }

    /** Invalid input that is really a question: the coach answers it and the step asks again; otherwise {@code invalid}. */
    private static Consumer<Turn> orCoach(Step step, Consumer<Turn> invalid) {
        return turn -> {
            if (answeredAsQuestion(turn)) {
                prompt(turn, step);
            } else {
                invalid.accept(turn);
            }
        };
    }

    private static Action<Step, Trigger> run(Consumer<Turn> body) {
        return turnAction((turn, ctx) -> body.accept(turn));
    }

    /**
     * A question state: TEXT its feature reads and stores moves on to ROUTE; anything else stays, with the error
     * and the question again.
     */
    private static void question(StateMachineTransitionConfigurer<Step, Trigger> t, Step step,
                                 Function<Turn, Boolean> readAndStore, String errorKey) throws Exception {
        step(t, step, Step.ROUTE, readAndStore, null, turn -> {
            turn.say(errorKey);
            prompt(turn, step);
        });
    }

    /** Says the question (or menu) of a step, with its answers to tap. Used when entering it and when repeating it. */
    static void prompt(Turn turn, Step step) {
        switch (step) {
            case ASK_NAME -> Onboarding.askName(turn);
            case ASK_LANGUAGE -> Onboarding.askLanguage(turn);
            case ASK_CITY -> Onboarding.askCity(turn);
            case ASK_PRODUCTS -> Onboarding.askProducts(turn);
            case CONFIRM -> Onboarding.askConfirmation(turn);
            case EDIT -> Onboarding.askEdit(turn);
            case MAIN_MENU -> menu(turn);
            case QUIZ -> {
                if (Quiz.run(turn).isEmpty()) {
                    menu(turn);
                } else {
                    Quiz.ask(turn);
                }
            }
            case LEADS -> turn.say("leads.invalid");
            case LEAD -> Leads.askOutcome(turn);
            case SALE_AMOUNT -> turn.say("lead.amount_prompt");
            case COACH -> Coaching.prompt(turn);
            case CALL_REVIEW -> CallReview.enter(turn);
            case START, ROUTE, QUIZ_ROUTE -> turn.say("welcome");
        }
    }

    /** The main menu, a paused quiz, and the next best action (refreshed when stale). */
    private static void menu(Turn turn) {
        turn.say("menu", Onboarding.profile(turn).name() == null ? "" : Onboarding.profile(turn).name());
        Quiz.pausedLine(turn).ifPresent(turn::sayLine);
        ProgressDialog.nextStepLine(turn).ifPresent(turn::sayLine);
        Taps.menu(turn);
    }

    private static Action<Step, Trigger> promptFor(Step step) {
        return turnAction((turn, ctx) -> prompt(turn, step));
    }

    private static boolean writesDevanagari(String text) {
        return text != null && text.codePoints().anyMatch(c -> Character.isLetter(c)
                && Character.UnicodeScript.of(c) == Character.UnicodeScript.DEVANAGARI);
    }

    private static Action<Step, Trigger> say(String key) {
        return turnAction((turn, ctx) -> turn.say(key));
    }

    private static Guard<Step, Trigger> missing(Profile.Field field) {
        return ctx -> Onboarding.profile(turn(ctx)).missing().filter(m -> m == field).isPresent();
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
