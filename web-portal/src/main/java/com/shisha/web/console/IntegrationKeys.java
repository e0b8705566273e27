package com.shisha.web.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The keys GroMo's own systems call SHISHA with (SHISHA_INTEGRATION_KEYS, comma-separated, each at least 32
 * characters: two at once while one is rotated). Compared as SHA-256 digests in constant time.
 */
public final class IntegrationKeys {

    public static final int MIN_CHARS = 32;
    private final List<byte[]> digests;

    public IntegrationKeys(List<String> keys) {
        for (String k : keys) {
            if (k.length() < MIN_CHARS) {
                throw new IllegalArgumentException("an integration key needs at least " + MIN_CHARS + " characters");
            }
        }
        this.digests = keys.stream().map(IntegrationKeys::digest).toList();
    }

    public boolean any() {
        return !digests.isEmpty();
    }

    boolean accepts(String key) {
        if (key == null || key.isEmpty()) {
            return false;
        }
        byte[] given = digest(key);
        boolean ok = false;
        for (byte[] d : digests) {
            ok |= MessageDigest.isEqual(d, given);
        }
        return ok;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
