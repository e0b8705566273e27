package com.shisha.core.companion;

/** Push registrations of the partner's devices, kept for the push notifications of a later issue. */
public interface DeviceTokens {

    /** Registers the token for the partner; a token moves to the latest partner that registers it (a shared phone). */
    void register(long partnerId, String token, String platform);

    /** @return false when the partner had no such token */
    boolean unregister(long partnerId, String token);
}
