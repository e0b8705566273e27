package com.shisha.web.api;

import java.time.Duration;

/**
 * Call-recording uploads, read and checked by {@link com.shisha.web.WebSettings} (docs/configuration.md).
 *
 * @param maxBytes  the largest recording accepted (signed into the upload URL as its exact Content-Length)
 * @param urlValidity how long a presigned upload URL works
 */
public record UploadSettings(long maxBytes, Duration urlValidity) {

    public UploadSettings {
        if (maxBytes < 1024 || urlValidity.isNegative() || urlValidity.isZero()) {
            throw new IllegalArgumentException("maxBytes must be at least 1 KB and the URL validity positive");
        }
    }
}
