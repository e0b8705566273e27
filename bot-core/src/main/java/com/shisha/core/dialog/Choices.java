package com.shisha.core.dialog;

import java.util.List;
import java.util.Objects;

/**
 * A closed set of answers offered with a reply, so a partner can tap instead of type. WhatsApp shows them as
 * quick-reply buttons (up to three) or a list picker (up to ten); channels without either show the reply's text,
 * which always names the choices too, so typing keeps working everywhere.
 *
 * @param button the list picker's button label (unused for buttons)
 * @param items  the choices; a tap comes back as the choice's id
 */
public record Choices(Kind kind, String button, List<Choice> items) {

    /** WhatsApp's limits (Twilio Content API: twilio/quick-reply and twilio/list-picker). */
    public static final int MAX_BUTTONS = 3;
    public static final int MAX_BUTTON_TITLE = 20;
    public static final int MAX_LIST_ITEMS = 10;
    public static final int MAX_LIST_TITLE = 24;
    public static final int MAX_LIST_DESCRIPTION = 72;
    public static final int MAX_LIST_BUTTON = 20;
    public static final int MAX_ID = 200;
    /**
     * The longest reply body WhatsApp shows with buttons or a list (Twilio Content API: body up to 1,024 characters).
     * A longer reply goes out as plain text, without them: it still names the choices, so typing works.
     */
    public static final int MAX_BODY = 1024;

    public enum Kind { BUTTONS, LIST }

    /** @param description a second line under the title (list items only); may be null */
    public record Choice(String id, String title, String description) {
        public Choice {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            if (id.isBlank() || id.length() > MAX_ID) {
                throw new IllegalArgumentException("a choice id is 1-" + MAX_ID + " characters: '" + id + "'");
            }
        }

        public Choice(String id, String title) {
            this(id, title, null);
        }
    }

    public Choices {
        Objects.requireNonNull(kind, "kind");
        items = List.copyOf(items);
        int max = kind == Kind.BUTTONS ? MAX_BUTTONS : MAX_LIST_ITEMS;
        if (items.isEmpty() || items.size() > max) {
            throw new IllegalArgumentException(kind + " take 1-" + max + " choices, not " + items.size());
        }
        if (items.stream().map(Choice::id).distinct().count() != items.size()) {
            throw new IllegalArgumentException("choice ids repeat: " + items);
        }
        // titles longer than WhatsApp allows are cut here, once, rather than refused by Twilio at send time
        int maxTitle = kind == Kind.BUTTONS ? MAX_BUTTON_TITLE : MAX_LIST_TITLE;
        items = items.stream().map(c -> new Choice(c.id(), cut(c.title(), maxTitle),
                kind == Kind.LIST && c.description() != null ? cut(c.description(), MAX_LIST_DESCRIPTION) : null)).toList();
        button = kind == Kind.LIST ? cut(button == null ? "Choose" : button, MAX_LIST_BUTTON) : null;
    }

    public static Choices buttons(List<Choice> items) {
        return new Choices(Kind.BUTTONS, null, items);
    }

    public static Choices list(String button, List<Choice> items) {
        return new Choices(Kind.LIST, button, items);
    }

    /** The choice a tap or a typed id names, if it is one of these. */
    public java.util.Optional<Choice> find(String id) {
        return items.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    private static String cut(String s, int max) {
        String t = s.strip();
        return t.codePointCount(0, t.length()) <= max ? t
                : t.substring(0, t.offsetByCodePoints(0, max - 1)).strip() + "…";
    }
}
