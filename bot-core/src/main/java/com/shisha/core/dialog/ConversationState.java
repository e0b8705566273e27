package com.shisha.core.dialog;

import com.shisha.core.ConversationKey;
import com.shisha.core.Language;

import java.util.Map;

/**
 * The durable state of one conversation between turns: where the dialog stands and what it has collected.
 *
 * @param step      the dialog's current state, by name; {@code null} for a conversation never seen
 * @param slots     values collected so far (name, city, ...), as strings
 * @param version   optimistic-lock version, so two writers can never both commit a turn on the same state
 * @param withAgent a person from the team has the conversation (its handoff is with an agent): the bot listens and
 *                  keeps quiet. Read in the same statement as the state, so a turn costs no query of its own for it;
 *                  turns never write it (the console's handoffs own it), and a turn's result keeps it as read
 */
public record ConversationState(ConversationKey key, String step, Map<String, String> slots, Language language,
                                boolean optedOut, long version, boolean withAgent) {

    public ConversationState {
        slots = slots == null ? Map.of() : Map.copyOf(slots);
        language = language == null ? Language.EN : language;
    }

    /** A conversation nobody from the team has taken. */
    public ConversationState(ConversationKey key, String step, Map<String, String> slots, Language language,
                             boolean optedOut, long version) {
        this(key, step, slots, language, optedOut, version, false);
    }

    /** The state a committed turn leaves behind, exactly as the store writes it (the version moves by one). */
    public ConversationState after(TurnResult result) {
        boolean nowOptedOut = switch (result.optOutChange()) {
            case OPT_OUT -> true;
            case OPT_IN -> false;
            case NONE -> optedOut;
        };
        return new ConversationState(key, result.step(), result.slots(), result.language(), nowOptedOut, version + 1, withAgent);
    }

    public static ConversationState fresh(ConversationKey key) {
        return new ConversationState(key, null, Map.of(), Language.EN, false, 0);
    }
}
