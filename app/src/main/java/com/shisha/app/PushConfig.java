package com.shisha.app;

import com.google.auth.oauth2.ServiceAccountCredentials;
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
import com.shisha.web.WebSettings;
import org.springframework.jdbc.core.simple.JdbcClient;

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
    PushSetup pushSetup(WebSettings web) {
        WebSettings.Firebase firebase = web.firebase();
        if (firebase.serviceAccount().isEmpty()) {
            log.info("Push notifications are off: neither FIREBASE_CREDENTIALS_JSON nor GOOGLE_APPLICATION_CREDENTIALS is set");
            return new PushSetup(Optional.empty());
        }
        ServiceAccountCredentials account = firebase.serviceAccount().get();
        WebSettings.Push push = web.push();
        log.info("Push notifications on: FCM project {} via {} (service account {})", firebase.pushProject(), push.fcmBaseUrl(),
                account.getClientEmail());
        return new PushSetup(Optional.of(new FcmPushNotifications(account, firebase.pushProject(), push.fcmBaseUrl(), push.timeoutMillis())));
    }

    @Bean
    PushDispatcher pushDispatcher(PushSetup setup, PushQueue queue, Clock clock, WebSettings web) {
        PushNotifications push = setup.fcm().<PushNotifications>map(f -> f).orElse(p -> {
            throw new IllegalStateException("push is not configured");
        });
        return new PushDispatcher(queue, push, clock, web.push().maxPerDay(), 200);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService pushSchedule(PushSetup setup, PushDispatcher dispatcher, WebSettings web) {
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "push");
            t.setDaemon(true);
            return t;
        });
        long every = web.push().every().toSeconds();
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
