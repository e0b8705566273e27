package com.shisha.core;

import java.util.Objects;

/**
 * One conversation is one user address on one channel. The key is the unit of ordering and locking:
 * messages with the same key are handled one at a time, in arrival order.
 */
public record ConversationKey(Channel channel, String address) {

    public ConversationKey {
        Objects.requireNonNull(channel, "channel");
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("address must not be blank");
        }
    }

    public static ConversationKey parse(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not a conversation key: " + PhoneMask.mask(value));
        }
        return new ConversationKey(Channel.fromPrefix(value.substring(0, colon)), value.substring(colon + 1));
    }

    /** Stable string form, e.g. {@code whatsapp:+919812345678}. */
    public String value() {
        return channel.prefix() + ":" + address;
    }

    /** For logs: phone numbers are personal data. */
    public String masked() {
        return channel.prefix() + ":" + PhoneMask.mask(address);
    }

    @Override
    public String toString() {
        return masked();
    }
}
