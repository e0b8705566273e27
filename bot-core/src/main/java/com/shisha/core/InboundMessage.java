package com.shisha.core;

import com.shisha.core.dialog.Choices;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A message from a user, normalised from whatever the channel delivered.
 *
 * @param providerMessageId the provider's id (Twilio's MessageSid); the dedupe key
 * @param conversation      who wrote, on which channel
 * @param to                the address the user wrote to (our number); replies go out from it. A turn taken on a
 *                          phone call names the call instead ({@code voice:CA...}, see {@link #spokenOn}): its
 *                          replies are spoken on the call, not sent on the conversation's channel
 * @param text              the text; empty when the message carries only media
 * @param voice             set when the text was heard in a voice note (or hearing it failed); null when typed
 * @param choiceId          the id of the choice the partner tapped (a WhatsApp quick-reply button or list item, or a
 *                          button in the web chat), exactly as the reply's {@link Choices} named it; null when typed.
 *                          The text is then what the channel shows for the tap (the choice's title), so a dialog
 *                          that reads only the text still understands it
 */
public record InboundMessage(String providerMessageId, ConversationKey conversation, String to, String text,
                             List<Media> media, String profileName, Instant receivedAt, Voice voice, String choiceId) {

    /** WhatsApp's limit for a message body; channels that accept text from elsewhere (web chat) enforce it. */
    public static final int MAX_TEXT = 4096;

    public InboundMessage {
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(conversation, "conversation");
        // every channel's text passes here on its way to the inbox: one place keeps NUL and its kind out of storage
        text = text == null ? "" : Text.withoutControls(text);
        to = Text.withoutControls(to);
        profileName = Text.withoutControls(profileName);
        choiceId = Text.withoutControls(choiceId);
        media = media == null ? List.of() : List.copyOf(media);
        receivedAt = receivedAt == null ? Instant.now() : receivedAt;
        choiceId = choiceId == null || choiceId.isBlank() ? null : choiceId;
        if (choiceId != null && choiceId.length() > Choices.MAX_ID) {
            throw new IllegalArgumentException("a choice id is at most " + Choices.MAX_ID + " characters");
        }
    }

    public InboundMessage(String providerMessageId, ConversationKey conversation, String to, String text,
                          List<Media> media, String profileName, Instant receivedAt, Voice voice) {
        this(providerMessageId, conversation, to, text, media, profileName, receivedAt, voice, null);
    }

    public InboundMessage(String providerMessageId, ConversationKey conversation, String to, String text,
                          List<Media> media, String profileName, Instant receivedAt) {
        this(providerMessageId, conversation, to, text, media, profileName, receivedAt, null, null);
    }

    /** The address of a turn taken on the phone call with this Twilio CallSid. */
    public static String spokenOn(String callSid) {
        return Channel.VOICE.prefix() + ":" + callSid;
    }

    /** Whether this turn was taken on a phone call: its replies are heard, not read. */
    public boolean spoken() {
        return to != null && to.startsWith(Channel.VOICE.prefix() + ":");
    }

    /** The phone call this turn was taken on ({@code CA...}), or null for a turn of the chat. */
    public String callSid() {
        return spoken() ? to.substring(Channel.VOICE.prefix().length() + 1) : null;
    }

    /** This message as if the partner had typed what the voice note said (or with the reason it could not be heard). */
    public InboundMessage heard(Voice voice) {
        return new InboundMessage(providerMessageId, conversation, to, voice.failure() == null ? voice.heard() : "",
                media, profileName, receivedAt, voice, choiceId);
    }

    /**
     * @param heard      the transcript; empty when nothing was heard or hearing failed
     * @param confidence mean word confidence in [0, 1]
     * @param failure    why the voice note could not be heard; null when it was
     * @param recording  a sales-call recording for review, not a message to the bot
     */
    public record Voice(String heard, double confidence, com.shisha.core.voice.VoiceNoteException.Kind failure,
                        boolean recording) {
        public Voice {
            heard = heard == null ? "" : Text.withoutControls(heard);
        }
    }

    public record Media(String url, String contentType) {
        public Media {
            url = Text.withoutControls(url);
            contentType = Text.withoutControls(contentType);
        }
    }
}
