package com.shisha.core.call;

/**
 * What the phone line can do here.
 *
 * @param voiceFrom the number SHISHA calls partners from and bridges their calls to leads from; null where no voice
 *                  number is configured (then no call to a lead is offered)
 */
public record PhoneLine(String voiceFrom) {

    public boolean bridgesCalls() {
        return voiceFrom != null;
    }
}
