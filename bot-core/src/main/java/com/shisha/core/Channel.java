package com.shisha.core;

/** Where a conversation happens. The prefix is how the channel writes an address ("whatsapp:+91...") in conversation keys. */
public enum Channel {
    WHATSAPP("whatsapp"),
    SMS("sms"),
    WEB("web"),
    /**
     * A phone call to the IVR. Calls have no conversation of their own: a call's turns belong to the caller's chat
     * conversation (the same dialog state), and only their replies take this channel, to be spoken on the call.
     */
    VOICE("voice");

    private final String prefix;

    Channel(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    public static Channel fromPrefix(String prefix) {
        for (Channel c : values()) {
            if (c.prefix.equals(prefix)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown channel prefix: " + prefix);
    }
}
