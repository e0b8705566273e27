package com.shisha.core.voice;

import com.shisha.core.InboundMessage;

/**
 * Downloads a message's media from the channel's provider. Implementations send credentials only to the
 * provider's own media host and refuse any other URL.
 */
public interface MediaFetcher {

    /** @throws VoiceNoteException when the URL is not the provider's, the download fails, or it exceeds maxBytes */
    Fetched fetch(InboundMessage.Media media, long maxBytes);

    record Fetched(byte[] bytes, String contentType) {
    }
}
