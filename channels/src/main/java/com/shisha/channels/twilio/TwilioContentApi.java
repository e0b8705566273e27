package com.shisha.channels.twilio;

import com.shisha.core.dialog.Choices;
import com.shisha.core.pipeline.ChoiceContents;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.content.v1.Content;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The WhatsApp contents behind buttons and lists, made with Twilio's Content API: one {@code twilio/quick-reply}
 * (up to three buttons) or {@code twilio/list-picker} (up to ten items) per distinct choice set, created on first use
 * and sent by its ContentSid from then on. The body differs per partner (names, numbers, amounts), so each content's
 * body is the variable {@code {{1}}}, filled with the reply's text at send time; only the buttons or items are fixed.
 *
 * <p>A set's ContentSid is kept in {@link ChoiceContents} (PostgreSQL), so every instance and every restart sends
 * the same content, and in memory here, so a send costs no lookup once an instance has used the set. Two instances
 * meeting a new set at the same moment may each create a content: the first sid kept wins, both send it, and the
 * other content is deleted (if that fails it stays unused at Twilio, which is harmless).
 *
 * <p>When no content can be had (the Content API is down, or refuses the set), the caller sends the reply as plain
 * text, which names the choices too: typing keeps working. Why is logged once per set; a set Twilio refused is not
 * asked for again until a restart, and after an outage each set waits {@link #RETRY_AFTER} before it is tried again,
 * so a reply never waits on a Content API that is known to be down.
 */
public final class TwilioContentApi {

    private static final Logger log = LoggerFactory.getLogger(TwilioContentApi.class);
    /** How long a set whose content could not be created (no answer, 5xx, 429) goes as plain text before a new try. */
    static final Duration RETRY_AFTER = Duration.ofMinutes(1);
    /** The variable holding the body, and the sample Twilio keeps with the content. */
    static final String BODY_VARIABLE = "1";
    private static final Map<String, String> SAMPLE = Map.of(BODY_VARIABLE, "Please choose");
    /** Twilio's errors for a ContentSid it does not know (21655) and for ContentVariables it cannot use (21656). */
    private static final Set<Integer> CONTENT_FAULTS = Set.of(21655, 21656);
    /** Bumped when the contents we create change shape, so new contents are made instead of reusing old ones. */
    private static final String VERSION = "v1";

    private final TwilioRestClient client;
    private final ChoiceContents kept;
    private final Clock clock;
    private final Map<String, String> sids = new ConcurrentHashMap<>();
    private final Map<String, Object> creating = new ConcurrentHashMap<>();
    private final Map<String, Instant> unavailableUntil = new ConcurrentHashMap<>();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    public TwilioContentApi(TwilioRestClient client, ChoiceContents kept, Clock clock) {
        this.client = client;
        this.kept = kept;
        this.clock = clock;
    }

    /** The ContentSid that shows these choices, made at Twilio if it is the first time; empty: send plain text. */
    public Optional<String> contentFor(Choices choices) {
        String key = key(choices);
        String sid = sids.get(key);
        if (sid != null) {
            return Optional.of(sid);
        }
        if (refused.contains(key) || clock.instant().isBefore(unavailableUntil.getOrDefault(key, Instant.MIN))) {
            return Optional.empty();
        }
        // one creation per set in this instance; other sets are not held up
        synchronized (creating.computeIfAbsent(key, k -> new Object())) {
            sid = sids.get(key);
            if (sid != null) {
                return Optional.of(sid);
            }
            return obtain(key, choices);
        }
    }

    /**
     * A send with this set's content was refused by Twilio (a 4xx other than an opt-out; the reply then goes as plain
     * text). When Twilio names the content or its variables as the fault, the set goes as plain text from now on in
     * this instance; any other refusal is about that one message. Logged once per set.
     */
    public void refusedOnSend(Choices choices, String contentSid, Integer errorCode, String reason) {
        String key = key(choices);
        if (errorCode != null && CONTENT_FAULTS.contains(errorCode)) {
            refused.add(key);
            sids.remove(key);
            warnOnce(key, "Twilio refused a WhatsApp message with the content {} for {}: {}; these choices go as plain text "
                    + "until a restart", contentSid, key, reason);
        } else {
            warnOnce(key, "Twilio refused a WhatsApp message with the content {} for {}: {}; that reply went as plain text",
                    contentSid, key, reason);
        }
    }

    private Optional<String> obtain(String key, Choices choices) {
        try {
            Optional<String> known = kept.find(key);
            if (known.isPresent()) {
                sids.put(key, known.get());
                return known;
            }
            String created = create(key, choices);
            String winner = kept.keep(key, created);
            if (!winner.equals(created)) {
                // another instance created the same set a moment earlier: use its content, drop ours
                delete(created, key, winner);
            } else {
                log.info("created WhatsApp content {} for {} ({} {})", created, key, choices.items().size(),
                        choices.kind() == Choices.Kind.BUTTONS ? "buttons" : "list items");
            }
            sids.put(key, winner);
            return Optional.of(winner);
        } catch (ApiException e) {
            Integer status = e.getStatusCode();
            if (status != null && status >= 400 && status < 500 && status != 429) {
                refused.add(key);
                warnOnce(key, "Twilio's Content API refused the content for {} ({}): these choices go as plain text until a "
                        + "restart", key, describe(e));
            } else {
                unavailableUntil.put(key, clock.instant().plus(RETRY_AFTER));
                warnOnce(key, "Twilio's Content API did not create the content for {} ({}): sent as plain text, tried again "
                        + "in {} s", key, describe(e), RETRY_AFTER.toSeconds());
            }
        } catch (ApiConnectionException e) {
            unavailableUntil.put(key, clock.instant().plus(RETRY_AFTER));
            warnOnce(key, "Twilio's Content API is unreachable for {} ({}): sent as plain text, tried again in {} s", key,
                    e.getCause() == null ? String.valueOf(e.getMessage()) : e.getCause().toString(), RETRY_AFTER.toSeconds());
        } catch (RuntimeException e) {
            // the store (PostgreSQL) or anything else: the reply must not wait for it
            unavailableUntil.put(key, clock.instant().plus(RETRY_AFTER));
            warnOnce(key, "no WhatsApp content for {} ({}): sent as plain text, tried again in {} s", key, e.toString(),
                    RETRY_AFTER.toSeconds());
        }
        return Optional.empty();
    }

    private String create(String key, Choices choices) {
        Content.Types.Builder types = new Content.Types.Builder();
        if (choices.kind() == Choices.Kind.BUTTONS) {
            List<Content.QuickReplyAction> actions = choices.items().stream()
                    .map(c -> new Content.QuickReplyAction.Builder(c.title()).id(c.id()).build()).toList();
            types.twilioQuickReply(new Content.TwilioQuickReply.Builder(body(), actions).build());
        } else {
            List<Content.ListItem> items = choices.items().stream()
                    .map(c -> {
                        Content.ListItem.Builder item = new Content.ListItem.Builder(c.id(), c.title());
                        return (c.description() == null ? item : item.description(c.description())).build();
                    }).toList();
            types.twilioListPicker(new Content.TwilioListPicker.Builder(body(), choices.button(), items).build());
        }
        Content.ContentCreateRequest request = new Content.ContentCreateRequest.Builder(language(choices), types.build())
                .friendlyName("shisha_" + key.replace('/', '_').replace(':', '_').replace('-', '_'))
                .variables(SAMPLE)
                .build();
        return Content.creator(request).create(client).getSid();
    }

    private void delete(String sid, String key, String used) {
        try {
            Content.deleter(sid).delete(client);
            log.info("content {} for {} was also made by another instance; deleted ours, {} is used", sid, key, used);
        } catch (RuntimeException e) {
            log.warn("content {} for {} was also made by another instance and could not be deleted ({}); it stays unused at Twilio",
                    sid, key, e.toString());
        }
    }

    /**
     * Names the set and how it is shown: a digest of everything the content holds, so a different title, order or
     * language makes a different content, and the same set from any dialog, instance or restart the same one.
     */
    public static String key(Choices choices) {
        StringBuilder canonical = new StringBuilder(VERSION).append('\u001f').append(language(choices))
                .append('\u001f').append(choices.kind()).append('\u001f').append(choices.button() == null ? "" : choices.button());
        for (Choices.Choice c : choices.items()) {
            canonical.append('\u001e').append(c.id()).append('\u001f').append(c.title())
                    .append('\u001f').append(c.description() == null ? "\u0000" : c.description());
        }
        String type = choices.kind() == Choices.Kind.BUTTONS ? "twilio/quick-reply" : "twilio/list-picker";
        return type + ":" + sha256(canonical.toString()).substring(0, 32);
    }

    private static String body() {
        return "{{" + BODY_VARIABLE + "}}";
    }

    /** Twilio asks each content's language: Hindi when the buttons or items are written in Devanagari, else English. */
    static String language(Choices choices) {
        String text = (choices.button() == null ? "" : choices.button()) + choices.items().stream()
                .map(c -> c.title() + (c.description() == null ? "" : c.description())).reduce("", String::concat);
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.DEVANAGARI) ? "hi" : "en";
    }

    private void warnOnce(String key, String format, Object... args) {
        if (logged.add(key)) {
            log.warn(format, args);
        } else {
            log.debug(format, args);
        }
    }

    private static String describe(ApiException e) {
        return "HTTP " + e.getStatusCode() + (e.getCode() == null ? "" : ", error " + e.getCode()) + ": " + e.getMessage();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
