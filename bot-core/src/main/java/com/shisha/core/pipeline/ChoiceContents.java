package com.shisha.core.pipeline;

import java.util.Optional;

/**
 * What a provider made for a set of choices (for WhatsApp: the Content SID of a quick-reply or list-picker content
 * at Twilio), kept durably and shared by every instance: each distinct set is created at the provider once, not per
 * send, per restart or per instance.
 *
 * @see com.shisha.core.dialog.Choices
 */
public interface ChoiceContents {

    /** The content kept for this set of choices ({@code key} names the set and how it is shown), if any. */
    Optional<String> find(String key);

    /**
     * Keeps {@code contentId} for {@code key} unless one is kept already, and returns the one kept: when two instances
     * create content for the same set at once, the first to keep wins and both use its id.
     */
    String keep(String key, String contentId);
}
