package com.shisha.app;

import com.shisha.core.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad configuration stops start-up, and the error names the variable to fix. */
class ConfigurationValidationTest {

    /** An extra instance's settings with these NAME=value overrides. */
    static String[] properties(String... overrides) {
        List<String> props = new ArrayList<>(Arrays.asList(AbstractPipelineTest.instanceProperties()));
        for (String override : overrides) {
            String name = override.substring(0, override.indexOf('='));
            props.removeIf(p -> p.startsWith(name + "="));
            props.add(override);
        }
        return props.toArray(String[]::new);
    }

    static void assertRefused(String variable, String... overrides) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(ShishaApplication.class).properties(properties(overrides)).run().close())
                .satisfies(e -> {
                    Throwable cause = e;
                    while (!(cause instanceof InvalidConfigurationException) && cause.getCause() != null) {
                        cause = cause.getCause();
                    }
                    assertThat(cause).isInstanceOf(InvalidConfigurationException.class);
                    assertThat(cause.getMessage()).startsWith(variable);
                });
    }

    @Test
    void invalidValuesNameTheirVariable() {
        assertRefused("TWILIO_ACCOUNT_SID", "TWILIO_ACCOUNT_SID=not-a-sid");
        assertRefused("TWILIO_AUTH_TOKEN", "TWILIO_AUTH_TOKEN=");
        assertRefused("TWILIO_WHATSAPP_FROM", "TWILIO_WHATSAPP_FROM=+14155238886");
        assertRefused("TWILIO_VOICE_FROM", "TWILIO_VOICE_FROM=080 4567 1234");
        assertRefused("TWILIO_API_BASE_URL", "TWILIO_API_BASE_URL=https://twilio.attacker.example");
        assertRefused("TWILIO_API_BASE_URL", "TWILIO_API_BASE_URL=http://127.0.0.1.attacker.example:4010");
        assertRefused("TWILIO_CONTENT_BASE_URL", "TWILIO_CONTENT_BASE_URL=https://content.twilio.com.attacker.example");
        assertRefused("TWILIO_CONTENT_BASE_URL", "TWILIO_CONTENT_BASE_URL=http://content.twilio.com");
        assertRefused("PUBLIC_BASE_URL", "PUBLIC_BASE_URL=bot.example.com");
        assertRefused("SERVER_PORT", "SERVER_PORT=eighty");
        assertRefused("DATABASE_URL", "DATABASE_URL=mysql://db.example/shisha");
        assertRefused("REDIS_URL", "REDIS_URL=localhost:6379");
        assertRefused("MONGODB_URI", "MONGODB_URI=http://mongo.example");
        assertRefused("TWILIO_TEMPLATE_NUDGE", "TWILIO_TEMPLATE_NUDGE=HX123");
        assertRefused("SHISHA_NUDGE_EVERY_SECONDS", "SHISHA_NUDGE_EVERY_SECONDS=-1");
    }

    @Test
    void invalidPortalValuesNameTheirVariable() {
        assertRefused("SHISHA_APP_URL", "SHISHA_APP_URL=play.google.com/store");
        assertRefused("SHISHA_APP_URL", "SHISHA_APP_URL=javascript:alert(1)");
        assertRefused("TWILIO_TEMPLATE_PORTAL_CODE", "TWILIO_TEMPLATE_PORTAL_CODE=HX123");
        assertRefused("SHISHA_PORTAL_MAX_FAILED_LOGINS", "SHISHA_PORTAL_MAX_FAILED_LOGINS=0");
        assertRefused("SHISHA_PORTAL_LOCKOUT_MINUTES", "SHISHA_PORTAL_LOCKOUT_MINUTES=soon");
        assertRefused("SHISHA_PORTAL_CODE_MINUTES", "SHISHA_PORTAL_CODE_MINUTES=600");
    }

    @Test
    void pushAndUploadSettingsNameTheirVariable() {
        assertRefused("FIREBASE_CREDENTIALS_JSON", "FIREBASE_CREDENTIALS_JSON={\"type\": \"authorized_user\"}");
        assertRefused("FIREBASE_CREDENTIALS_JSON", "FIREBASE_CREDENTIALS_JSON=not json at all");
        assertRefused("GOOGLE_APPLICATION_CREDENTIALS", "GOOGLE_APPLICATION_CREDENTIALS=/nonexistent/service-account.json");
        assertRefused("FCM_BASE_URL", "FIREBASE_CREDENTIALS_JSON=" + PushNotificationsTest.serviceAccount(),
                "FCM_BASE_URL=https://fcm.attacker.example");
        assertRefused("S3_BUCKET", "S3_ENDPOINT=http://127.0.0.1:9000");
        assertRefused("S3_SECRET_ACCESS_KEY", "S3_BUCKET=shisha-recordings", "S3_ACCESS_KEY_ID=AKIAEXAMPLE");
        assertRefused("SHISHA_UPLOAD_MAX_BYTES", "SHISHA_UPLOAD_MAX_BYTES=lots");
    }

    @Test
    void intakeSettingsNameTheirVariable() {
        assertRefused("SHISHA_INTAKE_JOURNAL", "SHISHA_INTAKE_JOURNAL=sometimes");
        assertRefused("SHISHA_INTAKE_JOURNAL_WHEN", "SHISHA_INTAKE_JOURNAL_WHEN=sometimes");
        assertRefused("SHISHA_INTAKE_BUSY_RATE", "SHISHA_INTAKE_BUSY_RATE=-5");
        // a directory another instance journals to: two movers of one journal would each move every message
        String taken = AbstractPipelineTest.newJournalDir();
        try (com.shisha.core.pipeline.IntakeJournal other = new com.shisha.core.pipeline.IntakeJournal(java.nio.file.Path.of(taken), 1 << 20)) {
            assertRefused("SHISHA_INTAKE_JOURNAL_DIR", "SHISHA_INTAKE_JOURNAL_DIR=" + taken);
        }
    }
}
