package com.shisha.app;

import com.shisha.core.InvalidConfigurationException;
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
import com.shisha.web.api.ApiSettings;
import com.shisha.web.api.FirebaseIdTokenVerifier;
import com.shisha.web.api.IdTokenVerifier;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The companion API (/api/v1): its settings from the environment, and the ports it reaches data through.
 * The production profile (SPRING_PROFILES_ACTIVE=production) refuses every development shortcut: the default
 * session key, the dev sign-in and the Firebase Auth Emulator (which accepts unsigned tokens).
 */
@Configuration(proxyBeanMethods = false)
class ApiConfig {

    private static final Logger log = LoggerFactory.getLogger(ApiConfig.class);

    /** Good enough for the zero-setup run, and public: production refuses it. */
    static final String DEV_JWT_SECRET = "shisha-dev-only-session-key-not-for-production";
    static final String DEV_FIREBASE_PROJECT = "demo-shisha";

    static boolean production(Environment env) {
        return env.acceptsProfiles(Profiles.of("production"));
    }

    @Bean
    ApiSettings apiSettings(Environment environment) {
        Env env = new Env(environment);
        boolean production = production(environment);
        String secret = env.get("SHISHA_JWT_SECRET").orElse(DEV_JWT_SECRET);
        if (production && secret.equals(DEV_JWT_SECRET)) {
            throw new InvalidConfigurationException("SHISHA_JWT_SECRET", "must be set to a secret of at least "
                    + ApiSettings.MIN_SECRET_BYTES + " bytes in production (the default key is public)");
        }
        if (secret.getBytes(StandardCharsets.UTF_8).length < ApiSettings.MIN_SECRET_BYTES) {
            throw new InvalidConfigurationException("SHISHA_JWT_SECRET", "must be at least " + ApiSettings.MIN_SECRET_BYTES
                    + " bytes long (HS256 keys shorter than the hash are weak)");
        }
        boolean devSignIn = env.bool("SHISHA_DEV_SIGNIN", !production);
        if (production && devSignIn) {
            throw new InvalidConfigurationException("SHISHA_DEV_SIGNIN", "must not be true in production: it signs anyone in by phone number alone");
        }
        if (devSignIn) {
            log.warn("DEV SIGN-IN IS OPEN: POST /api/v1/session/dev signs anyone in by phone number alone (SHISHA_DEV_SIGNIN=false closes it)");
        }
        return new ApiSettings(secret.getBytes(StandardCharsets.UTF_8),
                Duration.ofMinutes(env.integer("SHISHA_SESSION_TTL_MINUTES", 24 * 60, 5, 30 * 24 * 60)),
                devSignIn, corsOrigins(env),
                env.integer("SHISHA_RATE_LIMIT_PARTNER_PER_MINUTE", 120, 1, 1_000_000),
                env.integer("SHISHA_RATE_LIMIT_IP_PER_MINUTE", 600, 1, 1_000_000),
                env.integer("SHISHA_API_MAX_BODY_BYTES", 64 * 1024, 1024, 10 * 1024 * 1024));
    }

    /** The simulator's open web chat is a development convenience: production lets partners chat as themselves only. */
    @Bean
    com.shisha.web.api.WebChatSettings webChatSettings(Environment environment) {
        Env env = new Env(environment);
        boolean production = production(environment);
        boolean open = env.bool("SHISHA_WEBCHAT_OPEN", !production);
        if (production && open) {
            throw new InvalidConfigurationException("SHISHA_WEBCHAT_OPEN", "must not be true in production: it lets anyone chat as any partner's number");
        }
        if (open) {
            log.warn("WEB CHAT IS OPEN: /api/v1/webchat talks to anyone as any number, for the simulator (SHISHA_WEBCHAT_OPEN=false "
                    + "asks for a partner's sign-in and their own number)");
        }
        return new com.shisha.web.api.WebChatSettings(open);
    }

    /** Exact origins only ("https://app.example.com"): a wildcard would let any site use a partner's token. */
    private static List<String> corsOrigins(Env env) {
        return env.get("SHISHA_CORS_ORIGINS").map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
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

    @Bean(destroyMethod = "close")
    IdTokenVerifier idTokenVerifier(Environment environment) {
        Env env = new Env(environment);
        boolean production = production(environment);
        Optional<String> emulator = env.get("FIREBASE_AUTH_EMULATOR_HOST");
        if (production && emulator.isPresent()) {
            throw new InvalidConfigurationException("FIREBASE_AUTH_EMULATOR_HOST", "must not be set in production: the emulator's tokens are unsigned");
        }
        emulator.ifPresent(host -> {
            if (!host.matches("[A-Za-z0-9.\\-\\[\\]:]+:[0-9]{1,5}")) {
                throw new InvalidConfigurationException("FIREBASE_AUTH_EMULATOR_HOST", "must be host:port, e.g. 127.0.0.1:9099 (was '" + host + "')");
            }
        });
        String project = env.get("FIREBASE_PROJECT_ID").orElseGet(() -> {
            if (production) {
                throw new InvalidConfigurationException("FIREBASE_PROJECT_ID", "must be set in production (the Firebase project the app signs in with)");
            }
            return DEV_FIREBASE_PROJECT;
        });
        if (!project.matches("[a-z0-9][a-z0-9-]{3,61}[a-z0-9]")) {
            throw new InvalidConfigurationException("FIREBASE_PROJECT_ID", "is not a Firebase project id (was '" + project + "')");
        }
        if (emulator.isPresent()) {
            log.warn("Firebase ID tokens are checked against the Auth Emulator at {} (unsigned tokens accepted)", emulator.get());
        }
        return new FirebaseIdTokenVerifier(project, emulator.orElse(null));
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
