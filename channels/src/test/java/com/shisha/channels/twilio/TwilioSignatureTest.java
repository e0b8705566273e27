package com.shisha.channels.twilio;

import com.twilio.security.RequestValidator;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioSignatureTest {

    /** The example from Twilio's security documentation. */
    private static final String TOKEN = "12345";
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, String> PARAMS = Map.of(
            "CallSid", "CA1234567890ABCDE", "Caller", "+12349013030", "Digits", "1234",
            "From", "+12349013030", "To", "+18005551212");
    private static final String EXPECTED = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

    @Test
    void matchesTwilioDocumentedExample() {
        assertThat(new TwilioSignature(TOKEN).sign(URL, arrays(PARAMS))).isEqualTo(EXPECTED);
        assertThat(new TwilioSignature(TOKEN).valid(EXPECTED, URL, arrays(PARAMS))).isTrue();
    }

    @Test
    void agreesWithTwilioSdkValidatorOnUnicodeBodies() {
        Map<String, String> params = new HashMap<>(PARAMS);
        params.put("Body", "नमस्ते 🙏 & = + ?");
        String signature = new TwilioSignature(TOKEN).sign(URL, arrays(params));
        assertThat(new RequestValidator(TOKEN).validate(URL, params, signature)).isTrue();
    }

    @Test
    void rejectsMissingWrongOrTamperedSignatures() {
        TwilioSignature signature = new TwilioSignature(TOKEN);
        assertThat(signature.valid(null, URL, arrays(PARAMS))).isFalse();
        assertThat(signature.valid("", URL, arrays(PARAMS))).isFalse();
        assertThat(signature.valid(EXPECTED.replace('0', '1'), URL, arrays(PARAMS))).isFalse();
        Map<String, String> tampered = new HashMap<>(PARAMS);
        tampered.put("Digits", "9999");
        assertThat(signature.valid(EXPECTED, URL, arrays(tampered))).isFalse();
        assertThat(signature.valid(EXPECTED, "https://evil.example.com/myapp.php?foo=1&bar=2", arrays(PARAMS))).isFalse();
        assertThat(new TwilioSignature("another-token").valid(EXPECTED, URL, arrays(PARAMS))).isFalse();
    }

    private static Map<String, String[]> arrays(Map<String, String> params) {
        Map<String, String[]> result = new HashMap<>();
        params.forEach((k, v) -> result.put(k, new String[]{v}));
        return result;
    }
}
