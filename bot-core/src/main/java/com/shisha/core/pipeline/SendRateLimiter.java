package com.shisha.core.pipeline;

/** Limits how fast we send from one of our addresses (a Twilio sender number), across instances. */
public interface SendRateLimiter {

    /** Blocks until one send from {@code sender} is allowed. */
    void acquire(String sender) throws InterruptedException;

    SendRateLimiter UNLIMITED = sender -> {
    };
}
