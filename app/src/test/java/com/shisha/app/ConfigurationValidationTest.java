package com.shisha.app;

import com.shisha.core.InvalidConfigurationException;
import com.shisha.core.SettingsReader;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad configuration stops start-up, and the error names the variable to fix. Each bad value is put to the settings
 * loader itself ({@link ShishaSettings#read}), which is what start-up runs first; a few real start-ups show that it
 * does, before any server starts.
 */
class ConfigurationValidationTest {

    static final String PRODUCTION = "spring.profiles.active=production";

    /** A Twilio-enabled instance, so the Twilio rules apply; the stand-ins' addresses do not matter to the loader. */
    private static final Map<String, String> BASE = Map.of(
            "TWILIO_ACCOUNT_SID", TwilioStandIn.ACCOUNT_SID, "TWILIO_AUTH_TOKEN", AbstractPipelineTest.AUTH_TOKEN,
            "TWILIO_WHATSAPP_FROM", AbstractPipelineTest.WHATSAPP_FROM, "TWILIO_SMS_FROM", AbstractPipelineTest.SMS_FROM,
            "PUBLIC_BASE_URL", AbstractPipelineTest.PUBLIC_BASE);

    /** Every variable with a case below or in {@link ApiConfigurationTest}: the test for full coverage reads it. */
    static final Set<String> REFUSED = new LinkedHashSet<>();

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

    /** The loader refuses these NAME=value overrides of {@link #BASE}, naming {@code variable}. */
    static void assertRefused(String variable, String... overrides) {
        Map<String, String> values = new HashMap<>(BASE);
        boolean production = false;
        for (String override : overrides) {
            if (override.equals(PRODUCTION)) {
                production = true;
                continue;
            }
            int eq = override.indexOf('=');
            values.put(override.substring(0, eq), override.substring(eq + 1));
        }
        boolean inProduction = production;
        assertThatThrownBy(() -> ShishaSettings.read(SettingsReader.of(values), inProduction))
                .as(String.join(" ", overrides))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith(variable + " ")
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).variable()).isEqualTo(variable));
        REFUSED.add(variable);
    }

    /** A real start-up with these overrides stops, naming {@code variable}. */
    static void assertStartRefused(String variable, String... overrides) {
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

    /** Refused while the environment is prepared, before the embedded servers and the context start. */
    @Test
    void aBadValueStopsTheRealStartUpBeforeAnyServerStarts() {
        assertStartRefused("SHISHA_SESSION_TTL_MINUTES", "SHISHA_SESSION_TTL_MINUTES=1");
        assertStartRefused("TWILIO_API_BASE_URL", "TWILIO_API_BASE_URL=https://twilio.attacker.example");
        assertThatThrownBy(() -> new SpringApplicationBuilder(ShishaApplication.class)
                .properties(properties("SHISHA_SWEEP_MILLIS=10")).run().close())
                .satisfies(e -> assertThat(e.getStackTrace()).anyMatch(frame ->
                        frame.getClassName().equals(InfrastructurePostProcessor.class.getName())));
    }

    @Test
    void aJournalDirectoryInUseStopsTheRealStartUp() throws Exception {
        // a directory another instance journals to: two movers of one journal would each move every message
        String taken = AbstractPipelineTest.newJournalDir();
        try (com.shisha.persistence.journal.IntakeJournal other = new com.shisha.persistence.journal.IntakeJournal(Path.of(taken), 1 << 20,
                com.shisha.core.pipeline.IntakePriority.off())) {
            assertStartRefused("SHISHA_INTAKE_JOURNAL_DIR", "SHISHA_INTAKE_JOURNAL_DIR=" + taken);
        }
        REFUSED.add("SHISHA_INTAKE_JOURNAL_DIR");
    }

    @Test
    void invalidValuesNameTheirVariable() {
        assertRefused("TWILIO_ACCOUNT_SID", "TWILIO_ACCOUNT_SID=not-a-sid");
        assertRefused("TWILIO_ACCOUNT_SID", "TWILIO_ACCOUNT_SID=");
        assertRefused("TWILIO_AUTH_TOKEN", "TWILIO_AUTH_TOKEN=");
        assertRefused("TWILIO_WHATSAPP_FROM", "TWILIO_WHATSAPP_FROM=+14155238886");
        assertRefused("TWILIO_WHATSAPP_FROM", "TWILIO_WHATSAPP_FROM=whatsapp:+1415523");
        assertRefused("TWILIO_WHATSAPP_FROM", "TWILIO_WHATSAPP_FROM=", "TWILIO_SMS_FROM=");
        assertRefused("TWILIO_SMS_FROM", "TWILIO_SMS_FROM=12345");
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
        assertRefused("TWILIO_SEND_RATE_PER_SECOND", "TWILIO_SEND_RATE_PER_SECOND=0");
        assertRefused("TWILIO_MAX_CONNECTIONS", "TWILIO_MAX_CONNECTIONS=0");
        assertRefused("TWILIO_TIMEOUT_SECONDS", "TWILIO_TIMEOUT_SECONDS=ten");
        assertRefused("SHISHA_CALL_TURN_WAIT_MS", "SHISHA_CALL_TURN_WAIT_MS=20000");
        assertRefused("SHISHA_CALL_PLACER_MILLIS", "SHISHA_CALL_PLACER_MILLIS=-1");
        assertRefused("SHISHA_METRICS_SAMPLE_SECONDS", "SHISHA_METRICS_SAMPLE_SECONDS=often");
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
        String account = "FIREBASE_CREDENTIALS_JSON=" + PushNotificationsTest.serviceAccount();
        assertRefused("FIREBASE_CREDENTIALS_JSON", "FIREBASE_CREDENTIALS_JSON={\"type\": \"authorized_user\"}");
        assertRefused("FIREBASE_CREDENTIALS_JSON", "FIREBASE_CREDENTIALS_JSON=not json at all");
        assertRefused("GOOGLE_APPLICATION_CREDENTIALS", "GOOGLE_APPLICATION_CREDENTIALS=/nonexistent/service-account.json");
        assertRefused("FCM_BASE_URL", account, "FCM_BASE_URL=https://fcm.attacker.example");
        assertRefused("FIREBASE_AUTH_EMULATOR_HOST", account, "FIREBASE_AUTH_EMULATOR_HOST=127.0.0.1:9099");
        assertRefused("FCM_TIMEOUT_MILLIS", "FCM_TIMEOUT_MILLIS=10");
        assertRefused("SHISHA_PUSH_MAX_PER_DAY", "SHISHA_PUSH_MAX_PER_DAY=0");
        assertRefused("SHISHA_PUSH_EVERY_SECONDS", "SHISHA_PUSH_EVERY_SECONDS=-1");
        assertRefused("S3_BUCKET", "S3_ENDPOINT=http://127.0.0.1:9000");
        assertRefused("S3_BUCKET", "S3_BUCKET=Recordings_2024");
        assertRefused("S3_ENDPOINT", "S3_ENDPOINT=minio:9000");
        assertRefused("S3_PUBLIC_ENDPOINT", "S3_BUCKET=shisha-recordings", "S3_PUBLIC_ENDPOINT=https://s3.shisha.example");
        assertRefused("S3_REGION", "S3_BUCKET=shisha-recordings", "S3_REGION=Mumbai");
        assertRefused("S3_SECRET_ACCESS_KEY", "S3_BUCKET=shisha-recordings", "S3_ACCESS_KEY_ID=AKIAEXAMPLE");
        assertRefused("S3_ACCESS_KEY_ID", "S3_BUCKET=shisha-recordings", "S3_SECRET_ACCESS_KEY=0123456789abcdef");
        assertRefused("SHISHA_UPLOAD_MAX_BYTES", "SHISHA_UPLOAD_MAX_BYTES=lots");
        assertRefused("SHISHA_UPLOAD_URL_MINUTES", "SHISHA_UPLOAD_URL_MINUTES=0");
    }

    @Test
    void pipelineSettingsNameTheirVariable() {
        assertRefused("SHISHA_INTAKE_JOURNAL", "SHISHA_INTAKE_JOURNAL=sometimes");
        assertRefused("SHISHA_INTAKE_JOURNAL_WHEN", "SHISHA_INTAKE_JOURNAL_WHEN=sometimes");
        assertRefused("SHISHA_INTAKE_BUSY_RATE", "SHISHA_INTAKE_BUSY_RATE=-5");
        assertRefused("SHISHA_INTAKE_MAX_PAUSE_MILLIS", "SHISHA_INTAKE_MAX_PAUSE_MILLIS=soon");
        assertRefused("SHISHA_INTAKE_JOURNAL_SEGMENT_MB", "SHISHA_INTAKE_JOURNAL_SEGMENT_MB=0");
        assertRefused("SHISHA_TURN_WORKERS", "SHISHA_TURN_WORKERS=0");
        assertRefused("SHISHA_SLOW_TURNS", "SHISHA_SLOW_TURNS=-1");
        assertRefused("SHISHA_SENDER_THREADS", "SHISHA_SENDER_THREADS=0");
        assertRefused("SHISHA_SEND_LEASE_SECONDS", "SHISHA_SEND_LEASE_SECONDS=0");
        assertRefused("SHISHA_COMMIT_LINGER_MICROS", "SHISHA_COMMIT_LINGER_MICROS=-1");
        assertRefused("SHISHA_LOCK_LEASE_SECONDS", "SHISHA_LOCK_LEASE_SECONDS=1");
        assertRefused("SHISHA_SWEEP_MILLIS", "SHISHA_SWEEP_MILLIS=10");
        assertRefused("SHISHA_EMBEDDED_FSYNC", "SHISHA_EMBEDDED_FSYNC=sometimes");
        assertRefused("SHISHA_DEMO_DATA", "SHISHA_DEMO_DATA=maybe");
        assertRefused("SHISHA_DEMO_LEADS", "SHISHA_DEMO_LEADS=-1");
        assertRefused("SHISHA_DEMO_PARTNERS", "SHISHA_DEMO_PARTNERS=many");
    }

    @Test
    void aiSettingsNameTheirVariable() {
        assertRefused("OLLAMA_BASE_URL", "OLLAMA_BASE_URL=localhost:11434");
        assertRefused("OLLAMA_BASE_URL", "OLLAMA_BASE_URL=http:///api");
        assertRefused("OLLAMA_TIMEOUT_MILLIS", "OLLAMA_TIMEOUT_MILLIS=10");
        assertRefused("OLLAMA_MAX_CONCURRENT", "OLLAMA_MAX_CONCURRENT=0");
        assertRefused("CALL_REVIEW_MAX_TRANSCRIPT_CHARS", "CALL_REVIEW_MAX_TRANSCRIPT_CHARS=100");
        assertRefused("PITCH_TIPS_WORKERS", "PITCH_TIPS_WORKERS=0");
        assertRefused("PITCH_TIP_TTL_HOURS", "PITCH_TIP_TTL_HOURS=0");
        assertRefused("SHISHA_VOICE_MAX_SECONDS", "SHISHA_VOICE_MAX_SECONDS=two minutes");
        assertRefused("SHISHA_VOICE_CONCURRENCY", "SHISHA_VOICE_CONCURRENCY=0");
        assertRefused("SHISHA_VOICE_MAX_BYTES", "SHISHA_VOICE_MAX_BYTES=10");
        assertRefused("SHISHA_CALL_MAX_SECONDS", "SHISHA_CALL_MAX_SECONDS=3600");
        assertRefused("SHISHA_SPEECH_MODEL_DOWNLOAD", "SHISHA_SPEECH_MODEL_DOWNLOAD=maybe");
        assertRefused("SHISHA_SPEECH_MODEL_URL", "SHISHA_SPEECH_MODEL_URL=http://mirror.example/vosk/");
        assertRefused("SHISHA_LEAD_SCORER", "SHISHA_LEAD_SCORER=random");
        assertRefused("SHISHA_CALL_REVIEW_WORKERS", "SHISHA_CALL_REVIEW_WORKERS=0");
        assertRefused("SHISHA_CALL_REVIEW_LEASE_SECONDS", "SHISHA_CALL_REVIEW_LEASE_SECONDS=5");
        assertRefused("SHISHA_CALL_REVIEW_POLL_MILLIS", "SHISHA_CALL_REVIEW_POLL_MILLIS=-1");
    }

    @Test
    void consoleSettingsNameTheirVariable() {
        assertRefused("SHISHA_CONSOLE_SESSION_TTL_MINUTES", "SHISHA_CONSOLE_SESSION_TTL_MINUTES=1");
        assertRefused("SHISHA_ADMIN_EMAIL", "SHISHA_ADMIN_EMAIL=admin");
        assertRefused("SHISHA_ADMIN_PASSWORD", "SHISHA_ADMIN_PASSWORD=short");
        assertThatThrownBy(() -> ShishaSettings.read(SettingsReader.of(Map.of("SHISHA_ADMIN_PASSWORD", "short")), false))
                .hasMessageContaining("at least 12");
        assertRefused("SHISHA_ADMIN_PASSWORD", PRODUCTION, "SHISHA_JWT_SECRET=production-secret-0123456789abcdef0123",
                "FIREBASE_PROJECT_ID=shisha-prod", "SHISHA_ADMIN_EMAIL=ops@gromo.in", "SHISHA_ADMIN_PASSWORD=" + ConsoleConfig.DEV_ADMIN_PASSWORD);
        assertThatThrownBy(() -> ShishaSettings.read(SettingsReader.of(Map.of("SHISHA_JWT_SECRET", "production-secret-0123456789abcdef0123",
                "FIREBASE_PROJECT_ID", "shisha-prod", "SHISHA_ADMIN_PASSWORD", ConsoleConfig.DEV_ADMIN_PASSWORD)), true))
                .hasMessageContaining("development default");
        assertRefused("SHISHA_INTEGRATION_KEYS", "SHISHA_INTEGRATION_KEYS=too-short");
        assertRefused("SHISHA_GUIDE_SYNC_SECONDS", "SHISHA_GUIDE_SYNC_SECONDS=-1");
        assertRefused("SHISHA_BROADCAST_EVERY_SECONDS", "SHISHA_BROADCAST_EVERY_SECONDS=-1");
        assertRefused("SHISHA_BROADCAST_BATCH", "SHISHA_BROADCAST_BATCH=0");
        assertRefused("SHISHA_BROADCASTS_PER_PARTNER_PER_DAY", "SHISHA_BROADCASTS_PER_PARTNER_PER_DAY=0");
    }

    /** What may be any value: a folder that may not exist yet, a model name; the journal's folder is checked when opened. */
    private static final Set<String> FREE_FORM = Set.of("SHISHA_DATA_DIR", "VOSK_MODEL_PATH", "VOSK_MODEL_PATH_HI", "OLLAMA_MODEL",
            "SHISHA_INTAKE_JOURNAL_DIR");

    /** A variable added without a case for a bad value fails here. */
    @Test
    void everyVariableThatCanBeWrongHasACase() {
        invalidValuesNameTheirVariable();
        invalidPortalValuesNameTheirVariable();
        pushAndUploadSettingsNameTheirVariable();
        pipelineSettingsNameTheirVariable();
        aiSettingsNameTheirVariable();
        consoleSettingsNameTheirVariable();
        ApiConfigurationTest api = new ApiConfigurationTest();
        api.productionRefusesTheDevelopmentShortcuts();
        api.invalidValuesNameTheirVariable();
        Set<String> read = variablesRead();
        assertThat(read).containsAll(FREE_FORM);
        Set<String> needCases = new LinkedHashSet<>(read);
        needCases.removeAll(FREE_FORM);
        assertThat(REFUSED).containsAll(needCases);
    }

    /** What the settings loader reads: with nothing set every module's factory still reads each of its names. */
    static Set<String> variablesRead() {
        SettingsReader reader = SettingsReader.of(Map.of());
        ShishaSettings.read(reader, false);
        return new java.util.TreeSet<>(reader.names());
    }

    /** Defaults as documented, with nothing set. */
    @Test
    void nothingSetIsTheZeroSetupRun() {
        ShishaSettings s = ShishaSettings.read(SettingsReader.of(Map.of()), false);
        assertThat(s.serverPort()).isEqualTo(8080);
        assertThat(s.channels().twilio()).isEmpty();
        assertThat(s.stores().database()).isEmpty();
        assertThat(s.stores().s3().embedded()).isTrue();
        assertThat(s.stores().demo().enabled()).isTrue();
        assertThat(s.core().pipeline().journalDir()).isEqualTo(Path.of("data", "intake-journal"));
        assertThat(s.web().api().devSignIn()).isTrue();
        assertThat(s.web().webChat().open()).isTrue();
        assertThat(s.web().firebase().projectId()).isEqualTo(com.shisha.web.WebSettings.DEV_FIREBASE_PROJECT);
        assertThat(s.web().operators().adminPassword()).isEqualTo(ConsoleConfig.DEV_ADMIN_PASSWORD);
        assertThat(s.ai().ollama().configured()).isFalse();
    }

    @Test
    void productionWithoutAnAdminStartsWithNoneAndDevelopmentHasThePublishedOne() {
        Map<String, String> production = new LinkedHashMap<>(Map.of("SHISHA_JWT_SECRET", "production-secret-0123456789abcdef0123",
                "FIREBASE_PROJECT_ID", "shisha-prod"));
        var operators = ShishaSettings.read(SettingsReader.of(production), true).web().operators();
        assertThat(operators.adminEmail()).isNull();
        assertThat(operators.adminPassword()).isNull();
        assertThat(ShishaSettings.read(SettingsReader.of(Map.of()), false).web().operators().adminEmail())
                .isEqualTo(ConsoleConfig.DEV_ADMIN_EMAIL);
    }
}
