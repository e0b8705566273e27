package com.shisha.app;

import com.shisha.core.companion.AppJourney;
import com.shisha.core.companion.DeviceTokens;
import com.shisha.core.companion.PartnerAccounts;
import com.shisha.core.companion.SessionVersions;
import com.shisha.core.companion.RequestLimiter;
import com.shisha.core.journey.NextBestActions;
import com.shisha.dialogs.Catalogue;
import com.shisha.dialogs.CatalogueNextBestActions;
import com.shisha.dialogs.JourneyServices;
import com.shisha.persistence.jdbc.JdbcAppJourney;
import com.shisha.persistence.jdbc.JdbcDeviceTokens;
import com.shisha.persistence.jdbc.JdbcPartnerAccounts;
import com.shisha.persistence.jdbc.JdbcSessionVersions;
import com.shisha.persistence.jdbc.Json;
import com.shisha.persistence.redis.RedisRequestLimiter;
import com.shisha.web.WebSettings;
import com.shisha.web.api.FirebaseIdTokenVerifier;
import com.shisha.web.api.IdTokenVerifier;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The companion API (/api/v1): the ports it reaches data through, and its sign-in. Its settings, and the production
 * profile's refusal of every development shortcut, are {@link WebSettings}'.
 */
@Configuration(proxyBeanMethods = false)
class ApiConfig {

    private static final Logger log = LoggerFactory.getLogger(ApiConfig.class);

    /** The development shortcuts are refused in production by {@link WebSettings}; where they are on, the log says so. */
    @Bean(destroyMethod = "close")
    IdTokenVerifier idTokenVerifier(WebSettings web) {
        if (web.api().devSignIn()) {
            log.warn("DEV SIGN-IN IS OPEN: POST /api/v1/session/dev signs anyone in by phone number alone (SHISHA_DEV_SIGNIN=false closes it)");
        }
        if (web.webChat().open()) {
            log.warn("WEB CHAT IS OPEN: /api/v1/webchat talks to anyone as any number, for the simulator (SHISHA_WEBCHAT_OPEN=false "
                    + "asks for a partner's sign-in and their own number)");
        }
        WebSettings.Firebase firebase = web.firebase();
        firebase.emulatorHost().ifPresent(host ->
                log.warn("Firebase ID tokens are checked against the Auth Emulator at {} (unsigned tokens accepted)", host));
        return new FirebaseIdTokenVerifier(firebase.projectId(), firebase.emulatorHost().orElse(null),
                firebase.serviceAccount().orElse(null));
    }

    @Bean
    PartnerAccounts partnerAccounts(JdbcClient jdbc, PlatformTransactionManager transactions) {
        return new JdbcPartnerAccounts(jdbc, new TransactionTemplate(transactions));
    }

    @Bean
    SessionVersions sessionVersions(JdbcClient jdbc) {
        return new JdbcSessionVersions(jdbc);
    }

    @Bean
    AppJourney appJourney(JdbcClient jdbc, Json json, PlatformTransactionManager transactions) {
        return new JdbcAppJourney(jdbc, json, new TransactionTemplate(transactions));
    }

    @Bean
    DeviceTokens deviceTokens(JdbcClient jdbc) {
        return new JdbcDeviceTokens(jdbc);
    }

    @Bean
    RequestLimiter requestLimiter(RedissonClient redisson) {
        return new RedisRequestLimiter(redisson, "shisha:rate:api:");
    }

    @Bean
    NextBestActions nextBestActions(JourneyServices services) {
        return new CatalogueNextBestActions(services, new Catalogue());
    }
}
