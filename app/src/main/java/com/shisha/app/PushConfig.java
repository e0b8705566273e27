package com.shisha.app;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.shisha.core.InvalidConfigurationException;
import com.shisha.core.companion.PushDispatcher;
import com.shisha.core.companion.PushNotifications;
import com.shisha.core.companion.PushQueue;
import com.shisha.persistence.jdbc.JdbcPushQueue;
import com.shisha.persistence.jdbc.Json;
import com.shisha.web.push.FcmPushNotifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Push notifications (FCM). On only when a service account is configured: FIREBASE_CREDENTIALS_JSON (the key
 * file's content, for platforms that inject secrets as variables) or GOOGLE_APPLICATION_CREDENTIALS (its path).
 * A configured but unusable one stops start-up naming the variable; its content is never logged.
 */
@Configuration(proxyBeanMethods = false)
class PushConfig {

    private static final Logger log = LoggerFactory.getLogger(PushConfig.class);

    /** Push is optional: a holder, as Spring reads Optional as "bean or nothing". */
    record PushSetup(Optional<FcmPushNotifications> fcm) {
    }

    @Bean
    PushQueue pushQueue(JdbcClient jdbc, Json json) {
        return new JdbcPushQueue(jdbc, json);
    }

    @Bean(destroyMethod = "")
    PushSetup pushSetup(Environment environment) {
        Env env = new Env(environment);
        Optional<ServiceAccountCredentials> credentials = credentials(env);
        if (credentials.isEmpty()) {
            log.info("Push notifications are off: neither FIREBASE_CREDENTIALS_JSON nor GOOGLE_APPLICATION_CREDENTIALS is set");
            return new PushSetup(Optional.empty());
        }
        String project = env.get("FIREBASE_PROJECT_ID").orElse(credentials.get().getProjectId());
        if (project == null || !project.matches("[a-z0-9][a-z0-9-]{3,61}[a-z0-9]")) {
            throw new InvalidConfigurationException("FIREBASE_PROJECT_ID", "must name the Firebase project for push "
                    + "(the service account has no project_id)");
        }
        URI fcm = env.url("FCM_BASE_URL", "https", "http").orElse(FcmPushNotifications.FCM);
        boolean google = fcm.getScheme().equals("https") && fcm.getHost() != null && fcm.getHost().endsWith(".googleapis.com");
        boolean loopback = fcm.getHost() != null && (fcm.getHost().equals("localhost") || fcm.getHost().startsWith("127."));
        if (!google && !loopback) {
            // the OAuth token of the service account goes with every request: only to Google, or a local stand-in
            throw new InvalidConfigurationException("FCM_BASE_URL", "must be https://*.googleapis.com or a loopback stand-in (was " + fcm + ")");
        }
        if (google && env.get("FIREBASE_AUTH_EMULATOR_HOST").isPresent()) {
            // in emulator mode the Admin SDK replaces every credential with the emulator's "owner": FCM would
            // answer every push with 401
            throw new InvalidConfigurationException("FIREBASE_AUTH_EMULATOR_HOST", "cannot be used together with push to the "
                    + "real FCM (the Admin SDK then sends the emulator's credentials to Google); unset one of them");
        }
        int timeout = env.integer("FCM_TIMEOUT_MILLIS", 10_000, 100, 120_000);
        log.info("Push notifications on: FCM project {} via {} (service account {})", project, fcm, credentials.get().getClientEmail());
        return new PushSetup(Optional.of(new FcmPushNotifications(credentials.get(), project, fcm, timeout)));
    }

    static Optional<ServiceAccountCredentials> credentials(Env env) {
        Optional<String> inline = env.get("FIREBASE_CREDENTIALS_JSON");
        Optional<String> file = env.get("GOOGLE_APPLICATION_CREDENTIALS");
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
            // the parser's message can quote the content; name the problem's kind only
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

    @Bean
    PushDispatcher pushDispatcher(PushSetup setup, PushQueue queue, Clock clock, Environment environment) {
        PushNotifications push = setup.fcm().<PushNotifications>map(f -> f).orElse(p -> {
            throw new IllegalStateException("push is not configured");
        });
        return new PushDispatcher(queue, push, clock, new Env(environment).integer("SHISHA_PUSH_MAX_PER_DAY", 3, 1, 100), 200);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService pushSchedule(PushSetup setup, PushDispatcher dispatcher, Environment environment) {
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "push");
            t.setDaemon(true);
            return t;
        });
        int every = new Env(environment).integer("SHISHA_PUSH_EVERY_SECONDS", 30, 0, 86_400);
        if (setup.fcm().isPresent() && every > 0) {
            schedule.scheduleWithFixedDelay(dispatcher, every, every, TimeUnit.SECONDS);
        }
        return schedule;
    }

    @Bean(destroyMethod = "close")
    AutoCloseable pushClose(PushSetup setup) {
        return () -> setup.fcm().ifPresent(FcmPushNotifications::close);
    }
}
