package com.shisha.core.channel;

/**
 * Who may use the web chat. Where it needs a sign-in (production), a gate in front of it checks the partner's
 * session and puts their own number on the request; the channel then lets them chat as that number only.
 */
public final class WebChatIdentity {

    /** Request attribute: the signed-in partner's number (E.164); absent where the web chat is open (development). */
    public static final String SIGNED_IN_PHONE = "shisha.webchat.signedInPhone";

    private WebChatIdentity() {
    }
}
