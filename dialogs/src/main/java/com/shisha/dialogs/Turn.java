package com.shisha.dialogs;

import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.InboundMessage;
import com.shisha.core.Language;
import com.shisha.core.PartnerProfile;
import com.shisha.core.dialog.Choices;
import com.shisha.core.dialog.OptOutChange;
import com.shisha.core.journey.JourneyEffect;
import com.shisha.core.journey.PartnerContext;
import com.shisha.dialogs.understanding.Understood;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The working memory of one turn, and what a feature dialog may use of it: the message (as typed and normalised,
 * and as understood), the conversation's slots (each feature reads and writes its own through a typed state
 * record), the partner, the services, and the reply being composed. The state machine's guards read it and its
 * actions write it; the engine turns it into a TurnResult.
 */
public final class Turn {

    final String text;
    /** The message as typed (or heard), before normalising: the coach and call review want it whole. */
    String raw = "";
    /** Set when the input came from a voice note. */
    InboundMessage.Voice voice;
    /** Set when the turn was taken on a phone call: the reply is heard, so texts come in their spoken form. */
    boolean spoken;
    /** The phone-line call this turn was taken on ({@code CA...}); null for chat. */
    String callSid;
    /** A language picked on a call before the conversation began (the IVR asks it first). */
    Language chosenLanguage;
    /** The inbound message's provider id: what a side effect outside the turn's transaction is keyed by. */
    String messageId;
    final String phone;
    final Channel channel;
    final JourneyServices services;
    /** Journey changes of this turn, committed with it. */
    final List<JourneyEffect> effects = new ArrayList<>();
    /** Set when the turn did journey work: counts as a day of activity (streaks) and evaluates the rules. */
    boolean journeyTouched;
    private Optional<PartnerContext> partner;
    /** Answers offered with this turn's reply, to tap instead of type; the last step that offers any wins. */
    Choices choices;
    /** What the understanding step made of the message; null for turns decided before it (a digit on a menu). */
    Understood understood;
    final Map<String, String> slots;
    private final Catalogue catalogue;
    private final List<String> parts = new ArrayList<>();
    /** This turn's page size when smaller than the channel's (a MORE of a coach answer); 0 otherwise. */
    int pageChars;
    Language language;
    OptOutChange optOutChange = OptOutChange.NONE;
    PartnerProfile confirmedProfile;
    /** What a guard read, for the action of the same transition: one parse per turn however many guards ask. */
    private final Map<Class<?>, Object> kept = new HashMap<>();
    private final Map<Object, Boolean> parsed = new HashMap<>();

    Turn(String text, String phone, Map<String, String> slots, Language language, Catalogue catalogue) {
        this(text, phone, Channel.WHATSAPP, null, slots, language, catalogue);
    }

    Turn(String text, String phone, Channel channel, JourneyServices services, Map<String, String> slots,
         Language language, Catalogue catalogue) {
        this.text = text;
        this.phone = phone;
        this.channel = channel;
        this.services = services;
        this.slots = new LinkedHashMap<>(slots);
        this.language = language;
        this.catalogue = catalogue;
    }

    // ------------------------------------------------------------------ the message

    /** The message normalised (NFC, Devanagari digits as ASCII, emoji and stray symbols gone, spaces collapsed). */
    public String input() {
        return text;
    }

    /** The message as typed or heard. */
    public String raw() {
        return raw;
    }

    /** Set when the message was a voice note. */
    public InboundMessage.Voice voice() {
        return voice;
    }

    /** The inbound message's id: writes outside the turn's transaction (the coach's history) are keyed by it. */
    public String messageId() {
        return messageId;
    }

    /** What the understanding step read in the message; null when the step's exact answer needed no reading. */
    public Understood understood() {
        return understood;
    }

    // ------------------------------------------------------------------ who, where, with what

    public Channel channel() {
        return channel;
    }

    public ConversationKey key() {
        return new ConversationKey(channel, phone);
    }

    public String phone() {
        return phone;
    }

    /** Null in tests of the onboarding dialog alone. */
    public JourneyServices services() {
        return services;
    }

    public Language language() {
        return language;
    }

    /** The conversation's slots: each feature keeps its state here through its own typed record. */
    public Map<String, String> slots() {
        return slots;
    }

    /** The onboarded partner, loaded once per turn and only by turns that need it. */
    public Optional<PartnerContext> partner() {
        if (partner == null) {
            partner = services == null ? Optional.empty() : services.journey().partner(phone);
        }
        return partner;
    }

    // ------------------------------------------------------------------ the reply

    public String text(String key, Object... args) {
        return catalogue.text(language, spoken, key, args);
    }

    public String text(Language in, String key, Object... args) {
        return catalogue.text(in, spoken, key, args);
    }

    public void say(String key, Object... args) {
        parts.add(catalogue.text(language, spoken, key, args));
    }

    /** The phone-line call this turn was taken on, or null. */
    public String callSid() {
        return callSid;
    }

    /** Whether the reply will be heard on a phone call rather than read. */
    public boolean spoken() {
        return spoken;
    }

    /** Adds text composed elsewhere (already in the partner's language). */
    public void sayLine(String line) {
        parts.add(line);
    }

    /**
     * Keeps what did not fit on this turn's page for the partner's MORE; each later page holds at most
     * {@code pageChars} characters, with the MORE hint while more is left.
     */
    public void keepForMore(String rest, int pageChars) {
        MorePages.keep(this, rest, pageChars);
    }

    /** Offers answers to tap with the reply. */
    public void offer(Choices offered) {
        choices = offered;
    }

    /** A journey change, committed with the turn; the turn counts as a day of activity. */
    public void record(JourneyEffect effect) {
        effects.add(effect);
        journeyTouched = true;
    }

    /** The turn did journey work without a change of its own (a list shown): a day of activity. */
    public void touch() {
        journeyTouched = true;
    }

    /** The profile confirmed on this turn, written to the partners table with it. */
    public void confirm(PartnerProfile profile) {
        confirmedProfile = profile;
    }

    /** True on the turn that confirms the profile (the partner row is written with it, so not readable yet). */
    public boolean confirmedNow() {
        return confirmedProfile != null;
    }

    public void switchLanguage(Language to) {
        language = to;
    }

    // ------------------------------------------------------------------ between a guard and its action

    public <T> void keep(Class<T> type, T value) {
        kept.put(type, value);
    }

    public <T> Optional<T> kept(Class<T> type) {
        return Optional.ofNullable(type.cast(kept.get(type)));
    }

    /** Runs a parser at most once per turn, however many guards ask. */
    boolean parsedOnce(Object step, Function<Turn, Boolean> parser) {
        return parsed.computeIfAbsent(step, s -> parser.apply(this));
    }

    /** The reply: everything said this turn, as one message (one reply per inbound message). */
    List<String> replies() {
        return parts.isEmpty() ? List.of() : List.of(String.join("\n\n", parts));
    }
}
