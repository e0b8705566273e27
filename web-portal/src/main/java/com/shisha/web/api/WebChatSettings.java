package com.shisha.web.api;

/**
 * @param open the web chat answers anyone as any number (the zero-setup simulator); false: only a signed-in
 *             partner, as their own number, within the API's limits. Production refuses true.
 */
public record WebChatSettings(boolean open) {
}
