package com.shisha.channels.twilio;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * X-Twilio-Signature: base64(HMAC-SHA1(auth token, url + every POST parameter as name+value, sorted by name)).
 * Compared in constant time. (For repeated parameters Twilio concatenates each value in order; we keep that.)
 */
public final class TwilioSignature {

    private final ThreadLocal<Mac> mac;

    public TwilioSignature(String authToken) {
        SecretKeySpec key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1");
        // a keyed Mac per thread: provider lookup and key setup cost more than the HMAC of a webhook form
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA1");
                m.init(key);
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA1 unavailable", e);
            }
        });
    }

    public String sign(String url, Map<String, String[]> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, values) -> {
            for (String v : values) {
                data.append(name).append(v);
            }
        });
        return Base64.getEncoder().encodeToString(mac.get().doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    public boolean valid(String signature, String url, Map<String, String[]> params) {
        if (signature == null || signature.isEmpty()) {
            return false;
        }
        byte[] expected = sign(url, params).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }
}
