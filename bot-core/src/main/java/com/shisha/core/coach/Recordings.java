package com.shisha.core.coach;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Where call recordings uploaded by the app are kept (an S3 bucket). The app uploads straight to the store with a
 * presigned URL; the service only signs, checks and reads.
 */
public interface Recordings {

    /**
     * A URL that accepts exactly one PUT of exactly this size and content type until it expires; anything else is
     * refused by the store itself (both are part of the signature).
     */
    PresignedPut presignPut(String key, String contentType, long sizeBytes, Duration validFor);

    /** The stored object's size and type; empty when nothing was uploaded under the key. */
    Optional<Stored> head(String key);

    /** The address the recordings' {@link com.shisha.core.voice.MediaFetcher} reads the key from. */
    String mediaUrl(String key);

    /** @param headers the headers the client must send with the PUT, exactly as signed */
    record PresignedPut(String url, Map<String, String> headers, Instant expiresAt) {
        public PresignedPut {
            headers = Map.copyOf(headers);
        }
    }

    record Stored(long sizeBytes, String contentType) {
    }
}
