package com.shisha.core.companion;

import java.util.Map;

/** Sends one push notification to one device (FCM in production). */
public interface PushNotifications {

    Outcome send(Push push);

    /** @param data small key-value payload the app reads to open the right screen */
    record Push(String token, String title, String body, Map<String, String> data) {
        public Push {
            data = Map.copyOf(data);
        }
    }

    enum Result {
        SENT,
        /** the token is dead (app uninstalled, token rotated, malformed): never send to it again */
        INVALID_TOKEN,
        /** the provider could not take it now (unavailable, quota, network): try again later */
        RETRY
    }

    /** @param detail the provider's message id when sent, else its error; never credentials */
    record Outcome(Result result, String detail) {
    }
}
