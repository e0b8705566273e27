package com.shisha.core.dialog;

import com.shisha.core.ConversationKey;
import com.shisha.core.Language;

import java.util.Map;

/**
 * The durable state of one conversation between turns: where the dialog stands and what it has collected.
 *
 * @param step    the dialog's current state, by name; {@code null} for a conversation never seen
 * @param slots   values collected so far (name, city, ...), as strings
 * @param version optimistic-lock version, so two writers can never both commit a turn on the same state
 */
public record ConversationState(ConversationKey key, String step, Map<String, String> slots, Language language,
                                boolean optedOut, long version) {

    public ConversationState {
        slots = slots == null ? Map.of() : Map.copyOf(slots);
        language = language == null ? Language.EN : language;
    }

    /** The state a committed turn leaves behind, exactly as the store writes it (the version moves by one). */
    public ConversationState after(TurnResult result) {
        boolean nowOptedOut = switch (result.optOutChange()) {
            case OPT_OUT -> true;
            case OPT_IN -> false;
            case NONE -> optedOut;
        };
        return new ConversationState(key, result.step(), result.slots(), result.language(), nowOptedOut, version + 1);
    }

    public static ConversationState fresh(ConversationKey key) {
        return new ConversationState(key, null, Map.of(), Language.EN, false, 0);
    }
}
