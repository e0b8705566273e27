package com.shisha.channels.twilio;

import com.shisha.core.pipeline.InboundIngest;
import com.shisha.core.pipeline.IntakePriority;
import com.shisha.core.pipeline.Inbox;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** When the inbox cannot store a message, Twilio must get a 5xx (it then retries), never a 200 that loses it. */
class TwilioWebhookUnavailableTest {

    private static final String TOKEN = "unit-test-token-123";

    @Test
    void storageFailureAnswers503SoTwilioRetries() throws Exception {
        Inbox broken = (Inbox) Proxy.newProxyInstance(Inbox.class.getClassLoader(), new Class<?>[]{Inbox.class}, (proxy, method, args) -> {
            throw new IllegalStateException("database unreachable");
        });
        TwilioSettings settings = new TwilioSettings("AC0123456789abcdef0123456789abcdef", TOKEN, "whatsapp:+14155238886", null,
                TwilioSettings.TWILIO_API, URI.create("https://bot.example.test"));
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new TwilioWebhookController(new InboundIngest(broken, null, IntakePriority.off()), (sid, s, c) -> true, settings)).build();

        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM0123456789abcdef0123456789abcdef");
        form.put("From", "whatsapp:+919812345678");
        form.put("To", "whatsapp:+14155238886");
        form.put("Body", "hi");
        Map<String, String[]> params = new LinkedHashMap<>();
        form.forEach((k, v) -> params.put(k, new String[]{v}));
        var request = post("/webhooks/twilio/messaging")
                .header("X-Twilio-Signature", new TwilioSignature(TOKEN).sign("https://bot.example.test/webhooks/twilio/messaging", params));
        form.forEach(request::param);

        mvc.perform(request)
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.error").value("unavailable"));
    }
}
