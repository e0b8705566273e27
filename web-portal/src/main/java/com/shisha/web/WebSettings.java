package com.shisha.web;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.shisha.core.InvalidConfigurationException;
import com.shisha.core.SettingsReader;
import com.shisha.web.api.ApiSettings;
import com.shisha.web.api.PortalSettings;
import com.shisha.web.api.UploadSettings;
import com.shisha.web.api.WebChatSettings;
import com.shisha.web.console.ConsoleSettings;
import com.shisha.web.console.IntegrationKeys;
import com.shisha.web.console.StaffSignIn;
import com.shisha.web.push.FcmPushNotifications;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The companion API, the web portal, the console and push (docs/configuration.md, "The companion API, the portal and
 * push" and "The operator console"). In production every development shortcut is refused here: the published session
 * key and admin password, the dev sign-in, the open web chat and the Firebase Auth Emulator.
 */
public record WebSettings(ApiSettings api, WebChatSettings webChat, Firebase firebase, PortalSettings portal, UploadSettings uploads,
                          ConsoleSettings console, Operators operators, Push push) {

    /** Good enough for the zero-setup run, and public: production refuses it. */
    public static final String DEV_JWT_SECRET = "shisha-dev-only-session-key-not-for-production";
    public static final String DEV_FIREBASE_PROJECT = "demo-shisha";
    public static final String DEV_ADMIN_EMAIL = "admin@shisha.local";
    /** Public, like every development default: production refuses it. */
    public static final String DEV_ADMIN_PASSWORD = "shisha-console-dev";
    private static final String FIREBASE_PROJECT = "[a-z0-9][a-z0-9-]{3,61}[a-z0-9]";

    /**
     * @param projectId      the Firebase project whose ID tokens sign partners in (FIREBASE_PROJECT_ID)
     * @param emulatorHost   an Auth Emulator whose unsigned tokens are accepted (FIREBASE_AUTH_EMULATOR_HOST)
     * @param serviceAccount FIREBASE_CREDENTIALS_JSON, else the file GOOGLE_APPLICATION_CREDENTIALS names; push needs it
     * @param pushProject    the project pushes go to: FIREBASE_PROJECT_ID, else the service account's; null while push is off
     */
    public record Firebase(String projectId, Optional<String> emulatorHost, Optional<ServiceAccountCredentials> serviceAccount,
                           String pushProject) {
    }

    /**
     * @param fcmBaseUrl  FCM_BASE_URL
     * @param timeoutMillis FCM_TIMEOUT_MILLIS
     * @param maxPerDay   pushes per partner per India day (SHISHA_PUSH_MAX_PER_DAY)
     * @param every       how often queued pushes are sent (SHISHA_PUSH_EVERY_SECONDS); zero: never
     */
    public record Push(URI fcmBaseUrl, int timeoutMillis, int maxPerDay, Duration every) {
    }

    /**
     * @param adminEmail    the console's first admin (SHISHA_ADMIN_EMAIL); null in production when unset
     * @param adminPassword its password (SHISHA_ADMIN_PASSWORD); null in production when unset
     * @param integrationKeys keys GroMo's systems send to the lead import endpoint (SHISHA_INTEGRATION_KEYS)
     * @param guideSync     how often coach-guide edits saved elsewhere are looked for (SHISHA_GUIDE_SYNC_SECONDS); zero: only when told
     * @param broadcastEvery how often a batch of a running broadcast goes out (SHISHA_BROADCAST_EVERY_SECONDS); zero: never here
     * @param broadcastBatch partners per batch (SHISHA_BROADCAST_BATCH)
     * @param broadcastsPerPartnerPerDay SHISHA_BROADCASTS_PER_PARTNER_PER_DAY
     */
    public record Operators(String adminEmail, String adminPassword, IntegrationKeys integrationKeys, Duration guideSync,
                            Duration broadcastEvery, int broadcastBatch, int broadcastsPerPartnerPerDay) {
    }

    /**
     * @param production     the production profile: development shortcuts are refused
     * @param whatsappNumber our WhatsApp number in digits when WhatsApp is on, for the portal's links; else null
     */
    public static WebSettings read(SettingsReader r, boolean production, String whatsappNumber) {
        ApiSettings api = api(r, production);
        boolean open = r.bool("SHISHA_WEBCHAT_OPEN", !production);
        if (production && open) {
            throw new InvalidConfigurationException("SHISHA_WEBCHAT_OPEN", "must not be true in production: it lets anyone chat as any partner's number");
        }
        Firebase firebase = firebase(r, production);
        PortalSettings portal = portal(r, whatsappNumber, api.devSignIn());
        UploadSettings uploads = new UploadSettings(r.integer("SHISHA_UPLOAD_MAX_BYTES", 20 * 1024 * 1024, 1024, 512 * 1024 * 1024),
                r.duration("SHISHA_UPLOAD_URL_MINUTES", ChronoUnit.MINUTES, 15, 1, 7 * 24 * 60));
        ConsoleSettings console = new ConsoleSettings(api.jwtSecret(),
                r.duration("SHISHA_CONSOLE_SESSION_TTL_MINUTES", ChronoUnit.MINUTES, 8 * 60, 5, 7 * 24 * 60),
                portal.maxFailedLogins(), portal.lockout(), production);
        Operators operators = operators(r, production);
        Push push = push(r, firebase);
        return new WebSettings(api, new WebChatSettings(open), firebase, portal, uploads, console, operators, push);
    }

    private static ApiSettings api(SettingsReader r, boolean production) {
        String secret = r.get("SHISHA_JWT_SECRET").orElse(DEV_JWT_SECRET);
        if (production && secret.equals(DEV_JWT_SECRET)) {
            throw new InvalidConfigurationException("SHISHA_JWT_SECRET", "must be set to a secret of at least "
                    + ApiSettings.MIN_SECRET_BYTES + " bytes in production (the default key is public)");
        }
        if (secret.getBytes(StandardCharsets.UTF_8).length < ApiSettings.MIN_SECRET_BYTES) {
            throw new InvalidConfigurationException("SHISHA_JWT_SECRET", "must be at least " + ApiSettings.MIN_SECRET_BYTES
                    + " bytes long (HS256 keys shorter than the hash are weak)");
        }
        boolean devSignIn = r.bool("SHISHA_DEV_SIGNIN", !production);
        if (production && devSignIn) {
            throw new InvalidConfigurationException("SHISHA_DEV_SIGNIN", "must not be true in production: it signs anyone in by phone number alone");
        }
        return new ApiSettings(secret.getBytes(StandardCharsets.UTF_8),
                r.duration("SHISHA_SESSION_TTL_MINUTES", ChronoUnit.MINUTES, 24 * 60, 5, 30 * 24 * 60),
                devSignIn, corsOrigins(r),
                r.integer("SHISHA_RATE_LIMIT_PARTNER_PER_MINUTE", 120, 1, 1_000_000),
                r.integer("SHISHA_RATE_LIMIT_IP_PER_MINUTE", 600, 1, 1_000_000),
                r.integer("SHISHA_API_MAX_BODY_BYTES", 64 * 1024, 1024, 10 * 1024 * 1024));
    }

    /** Exact origins only ("https://app.example.com"): a wildcard would let any site use a partner's token. */
    private static List<String> corsOrigins(SettingsReader r) {
        return r.get("SHISHA_CORS_ORIGINS").map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(origin -> {
                    URI uri;
                    try {
                        uri = URI.create(origin);
                    } catch (IllegalArgumentException e) {
                        throw new InvalidConfigurationException("SHISHA_CORS_ORIGINS", "has an entry that is not an origin: " + origin);
                    }
                    boolean valid = uri.getScheme() != null && uri.getScheme().matches("https?") && uri.getHost() != null
                            && (uri.getPath() == null || uri.getPath().isEmpty()) && uri.getQuery() == null;
                    if (!valid) {
                        throw new InvalidConfigurationException("SHISHA_CORS_ORIGINS",
                                "must be a comma-separated list of origins like https://app.example.com (no '*', no path), got " + origin);
                    }
                    return origin;
                }).toList()).orElse(List.of());
    }

    private static Firebase firebase(SettingsReader r, boolean production) {
        Optional<String> emulator = r.get("FIREBASE_AUTH_EMULATOR_HOST");
        if (production && emulator.isPresent()) {
            throw new InvalidConfigurationException("FIREBASE_AUTH_EMULATOR_HOST", "must not be set in production: the emulator's tokens are unsigned");
        }
        emulator.ifPresent(host -> {
            if (!host.matches("[A-Za-z0-9.\\-\\[\\]:]+:[0-9]{1,5}")) {
                throw new InvalidConfigurationException("FIREBASE_AUTH_EMULATOR_HOST", "must be host:port, e.g. 127.0.0.1:9099 (was '" + host + "')");
            }
        });
        Optional<String> configured = r.get("FIREBASE_PROJECT_ID");
        String project = configured.orElseGet(() -> {
            if (production) {
                throw new InvalidConfigurationException("FIREBASE_PROJECT_ID", "must be set in production (the Firebase project the app signs in with)");
            }
            return DEV_FIREBASE_PROJECT;
        });
        if (!project.matches(FIREBASE_PROJECT)) {
            throw new InvalidConfigurationException("FIREBASE_PROJECT_ID", "is not a Firebase project id (was '" + project + "')");
        }
        Optional<ServiceAccountCredentials> account = serviceAccount(r.get("FIREBASE_CREDENTIALS_JSON"), r.get("GOOGLE_APPLICATION_CREDENTIALS"));
        return new Firebase(project, emulator, account, account.map(a -> configured.orElse(a.getProjectId())).orElse(null));
    }

    private static PortalSettings portal(SettingsReader r, String whatsappNumber, boolean devSignIn) {
        String appUrl = r.get("SHISHA_APP_URL").map(url -> {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationException("SHISHA_APP_URL", "is not a URL: " + url);
            }
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new InvalidConfigurationException("SHISHA_APP_URL", "must be an http(s) URL, e.g. https://play.google.com/store/apps/details?id=...");
            }
            return url;
        }).orElse(null);
        Optional<String> template = r.get("TWILIO_TEMPLATE_PORTAL_CODE");
        if (template.isPresent() && !template.get().matches("HX[0-9a-fA-F]{32}")) {
            throw new InvalidConfigurationException("TWILIO_TEMPLATE_PORTAL_CODE", "must be a Twilio Content SID: HX followed by 32 hex digits");
        }
        return new PortalSettings(whatsappNumber, appUrl,
                r.integer("SHISHA_PORTAL_MAX_FAILED_LOGINS", 5, 1, 100),
                r.duration("SHISHA_PORTAL_LOCKOUT_MINUTES", ChronoUnit.MINUTES, 15, 1, 24 * 60),
                r.duration("SHISHA_PORTAL_CODE_MINUTES", ChronoUnit.MINUTES, 15, 2, 60),
                template.orElse(null), devSignIn);
    }

    private static Operators operators(SettingsReader r, boolean production) {
        String email = r.get("SHISHA_ADMIN_EMAIL").orElse(production ? null : DEV_ADMIN_EMAIL);
        String password = r.get("SHISHA_ADMIN_PASSWORD").orElse(production ? null : DEV_ADMIN_PASSWORD);
        if (production && DEV_ADMIN_PASSWORD.equals(password)) {
            throw new InvalidConfigurationException("SHISHA_ADMIN_PASSWORD", "must not be the development default in production (it is published)");
        }
        if (password != null && !DEV_ADMIN_PASSWORD.equals(password)) {
            StaffSignIn.weakness(password).ifPresent(w -> {
                throw new InvalidConfigurationException("SHISHA_ADMIN_PASSWORD", w);
            });
        }
        if (email != null && !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvalidConfigurationException("SHISHA_ADMIN_EMAIL", "must be an email address, was " + email);
        }
        List<String> keys = r.get("SHISHA_INTEGRATION_KEYS")
                .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(k -> !k.isEmpty()).toList())
                .orElse(List.of());
        IntegrationKeys integrationKeys;
        try {
            integrationKeys = new IntegrationKeys(keys);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("SHISHA_INTEGRATION_KEYS", e.getMessage());
        }
        return new Operators(email, password, integrationKeys,
                r.duration("SHISHA_GUIDE_SYNC_SECONDS", ChronoUnit.SECONDS, 30, 0, 3600),
                r.duration("SHISHA_BROADCAST_EVERY_SECONDS", ChronoUnit.SECONDS, 2, 0, 3600),
                r.integer("SHISHA_BROADCAST_BATCH", 50, 1, 10_000),
                r.integer("SHISHA_BROADCASTS_PER_PARTNER_PER_DAY", 1, 1, 100));
    }

    private static Push push(SettingsReader r, Firebase firebase) {
        Optional<URI> configuredFcm = r.url("FCM_BASE_URL", "https", "http");
        int timeout = r.integer("FCM_TIMEOUT_MILLIS", 10_000, 100, 120_000);
        int maxPerDay = r.integer("SHISHA_PUSH_MAX_PER_DAY", 3, 1, 100);
        Duration every = r.duration("SHISHA_PUSH_EVERY_SECONDS", ChronoUnit.SECONDS, 30, 0, 86_400);
        URI fcm = configuredFcm.orElse(FcmPushNotifications.FCM);
        if (firebase.serviceAccount().isEmpty()) {
            return new Push(fcm, timeout, maxPerDay, every);
        }
        String project = firebase.pushProject();
        if (project == null || !project.matches(FIREBASE_PROJECT)) {
            throw new InvalidConfigurationException("FIREBASE_PROJECT_ID", "must name the Firebase project for push "
                    + "(the service account has no project_id)");
        }
        boolean google = fcm.getScheme().equals("https") && fcm.getHost() != null && fcm.getHost().endsWith(".googleapis.com");
        boolean loopback = fcm.getHost() != null && (fcm.getHost().equals("localhost") || fcm.getHost().startsWith("127."));
        if (!google && !loopback) {
            // the OAuth token of the service account goes with every request: only to Google, or a local stand-in
            throw new InvalidConfigurationException("FCM_BASE_URL", "must be https://*.googleapis.com or a loopback stand-in (was " + fcm + ")");
        }
        if (google && firebase.emulatorHost().isPresent()) {
            // in emulator mode the Admin SDK replaces every credential with the emulator's "owner": FCM would
            // answer every push with 401
            throw new InvalidConfigurationException("FIREBASE_AUTH_EMULATOR_HOST", "cannot be used together with push to the "
                    + "real FCM (the Admin SDK then sends the emulator's credentials to Google); unset one of them");
        }
        return new Push(fcm, timeout, maxPerDay, every);
    }

    /** The key's content is never put in a message: the parser's message can quote it, so only the problem's kind is named. */
    private static Optional<ServiceAccountCredentials> serviceAccount(Optional<String> inline, Optional<String> file) {
        if (inline.isPresent()) {
            return Optional.of(serviceAccount("FIREBASE_CREDENTIALS_JSON",
                    new ByteArrayInputStream(inline.get().getBytes(StandardCharsets.UTF_8))));
        }
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Path path = Path.of(file.get());
        if (!Files.isReadable(path)) {
            throw new InvalidConfigurationException("GOOGLE_APPLICATION_CREDENTIALS", "names a file that does not exist or cannot be read: " + path);
        }
        try (InputStream in = Files.newInputStream(path)) {
            return Optional.of(serviceAccount("GOOGLE_APPLICATION_CREDENTIALS", in));
        } catch (IOException e) {
            throw new InvalidConfigurationException("GOOGLE_APPLICATION_CREDENTIALS", "could not be read: " + e.getMessage());
        }
    }

    private static ServiceAccountCredentials serviceAccount(String variable, InputStream in) {
        GoogleCredentials credentials;
        try {
            credentials = GoogleCredentials.fromStream(in);
        } catch (IOException | RuntimeException e) {
            throw new InvalidConfigurationException(variable, "is not a Google service-account key (JSON with type, "
                    + "project_id, private_key, client_email): " + e.getClass().getSimpleName());
        }
        if (!(credentials instanceof ServiceAccountCredentials account)) {
            throw new InvalidConfigurationException(variable, "must be a service-account key (type service_account), not "
                    + credentials.getClass().getSimpleName());
        }
        return account.createScoped("https://www.googleapis.com/auth/firebase.messaging",
                "https://www.googleapis.com/auth/cloud-platform") instanceof ServiceAccountCredentials scoped ? scoped : account;
    }
}
