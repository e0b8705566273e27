package com.shisha.dialogs;

import com.shisha.core.dialog.Choices;
import com.shisha.core.dialog.Choices.Choice;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The closed choices a step offers to tap (WhatsApp buttons and list pickers, the simulator's buttons), and what a
 * tap means when it comes back. A choice's id is {@code kind:value}, where the value is what the step accepts when
 * typed ("menu:2", "confirm:yes", "quiz:B"): a tap goes the way the typed answer goes, and a tap on a message from
 * an earlier step (an old list scrolled back to) is read as its title, as if typed, never as an answer to the step
 * now on screen.
 */
public final class Taps {

    private Taps() {
    }

    /** The step whose question a kind of choice answers; a menu tap is a command from any journey step. */
    private static Optional<Step> stepOf(String kind) {
        return Optional.ofNullable(switch (kind) {
            case "lang" -> Step.ASK_LANGUAGE;
            case "products" -> Step.ASK_PRODUCTS;
            case "confirm" -> Step.CONFIRM;
            case "edit" -> Step.EDIT;
            case "quiz" -> Step.QUIZ;
            case "lead" -> Step.LEADS;
            case "outcome", "leadcall" -> Step.LEAD;
            default -> null;
        });
    }

    record Tap(String kind, String value) {
    }

    static Optional<Tap> parse(String choiceId) {
        if (choiceId == null) {
            return Optional.empty();
        }
        int colon = choiceId.indexOf(':');
        if (colon <= 0 || colon == choiceId.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new Tap(choiceId.substring(0, colon), choiceId.substring(colon + 1)));
    }

    /**
     * The text a tap stands for in this step: its value when it answers this step's question (or the offer still
     * pending in {@code slots}), else empty: then the title it came with is read as if typed.
     */
    static Optional<String> typedIn(Step step, Tap tap, java.util.Map<String, String> slots) {
        String pending = switch (tap.kind()) {
            case "clarify" -> Router.CLARIFY;
            case "place" -> Router.CITY_SUGGESTED;
            case "name" -> Router.NAME_PENDING;
            case "stop" -> Router.STOP_PENDING;
            default -> null;
        };
        if (pending != null) {
            return slots.containsKey(pending) ? Optional.of(tap.value()) : Optional.empty();
        }
        return stepOf(tap.kind()).filter(s -> s == step).map(s -> tap.value());
    }

    // ------------------------------------------------------------------ offers the core makes

    static void menu(Turn turn) {
        List<Choice> items = new ArrayList<>();
        for (int i = 1; i <= DialogMachine.MENU_ITEMS; i++) {
            items.add(new Choice("menu:" + i, turn.text("choice.menu." + i)));
        }
        turn.offer(Choices.list(turn.text("choice.menu_button"), items));
    }

    /** YES / NO buttons whose taps come back as {@code kind:yes} and {@code kind:no}. */
    public static Choices yesNo(Turn turn, String kind) {
        return Choices.buttons(List.of(new Choice(kind + ":yes", turn.text("choice.yes")),
                new Choice(kind + ":no", turn.text("choice.no"))));
    }

    /** Up to three numbered options ("did you mean", the nearest places): typed or tapped, the number answers. */
    static void numbered(Turn turn, String kind, List<String> ids, List<String> titles) {
        List<Choice> items = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            items.add(new Choice(kind + ":" + ids.get(i), titles.get(i)));
        }
        turn.offer(items.size() <= Choices.MAX_BUTTONS ? Choices.buttons(items)
                : Choices.list(turn.text("choice.choose"), items));
    }
}
