package com.shisha.app;

import com.shisha.core.InvalidConfigurationException;
import com.shisha.core.console.AuditLog;
import com.shisha.core.console.StaffAccounts;
import com.shisha.persistence.console.ConsolePersistence;
import com.shisha.web.api.ApiSettings;
import com.shisha.web.api.PortalSettings;
import com.shisha.web.console.ConsoleSettings;
import com.shisha.web.console.StaffSignIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

import java.time.Duration;

/**
 * The operator console: staff accounts and their data (JPA, see {@link ConsolePersistence}), and the first admin.
 * A fresh installation has no staff, so the first admin comes from SHISHA_ADMIN_EMAIL and SHISHA_ADMIN_PASSWORD;
 * the zero-setup run uses a published development password, which production refuses.
 */
@Configuration(proxyBeanMethods = false)
@Import(ConsolePersistence.class)
class ConsoleConfig {

    private static final Logger log = LoggerFactory.getLogger(ConsoleConfig.class);

    static final String DEV_ADMIN_EMAIL = "admin@shisha.local";
    /** Public, like every development default: production refuses it. */
    static final String DEV_ADMIN_PASSWORD = "shisha-console-dev";

    @Bean
    ConsoleSettings consoleSettings(ApiSettings api, PortalSettings portal, Environment environment) {
        Env env = new Env(environment);
        return new ConsoleSettings(api.jwtSecret(),
                Duration.ofMinutes(env.integer("SHISHA_CONSOLE_SESSION_TTL_MINUTES", 8 * 60, 5, 7 * 24 * 60)),
                portal.maxFailedLogins(), portal.lockout(), ApiConfig.production(environment));
    }

    /**
     * Broadcast passes every SHISHA_BROADCAST_EVERY_SECONDS (default 2; 0 = off) of SHISHA_BROADCAST_BATCH partners
     * (default 50); a partner gets at most SHISHA_BROADCASTS_PER_PARTNER_PER_DAY (default 1) broadcasts a day.
     */
    @Bean
    BroadcastSender broadcastSender(com.shisha.core.console.Broadcasts broadcasts, com.shisha.core.pipeline.OutboxDispatcher dispatcher,
                                    java.time.Clock clock, Environment environment) {
        Env env = new Env(environment);
        return new BroadcastSender(broadcasts, dispatcher, clock, env.integer("SHISHA_BROADCAST_BATCH", 50, 1, 10_000),
                env.integer("SHISHA_BROADCASTS_PER_PARTNER_PER_DAY", 1, 1, 100));
    }

    @Bean(destroyMethod = "shutdownNow")
    java.util.concurrent.ScheduledExecutorService broadcastScheduler(BroadcastSender sender, Environment environment) {
        int every = new Env(environment).integer("SHISHA_BROADCAST_EVERY_SECONDS", 2, 0, 3600);
        java.util.concurrent.ScheduledExecutorService scheduler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "broadcasts");
            t.setDaemon(true);
            return t;
        });
        if (every > 0) {
            scheduler.scheduleWithFixedDelay(sender, every, every, java.util.concurrent.TimeUnit.SECONDS);
        } else {
            log.info("Broadcasts are not sent by this instance: SHISHA_BROADCAST_EVERY_SECONDS=0");
        }
        return scheduler;
    }

    /**
     * Staff edits of the coach's guide are loaded before the service answers anyone; after that every instance checks
     * for new ones every SHISHA_GUIDE_SYNC_SECONDS (default 30; 0 = only when told over Redis) besides being told.
     */
    @Bean(destroyMethod = "close")
    com.shisha.web.console.GuideEditor guideEditor(com.shisha.core.coach.CoachGuide guide,
                                                   com.shisha.core.console.GuideVersions versions,
                                                   com.shisha.core.pipeline.Fanout fanout, Environment environment) {
        int every = new Env(environment).integer("SHISHA_GUIDE_SYNC_SECONDS", 30, 0, 3600);
        com.shisha.web.console.GuideEditor editor = new com.shisha.web.console.GuideEditor(guide, versions, fanout, every);
        editor.start();
        return editor;
    }

    /** The gazetteer, for imported leads' cities (the one the understanding step reads partners' cities with). */
    @Bean
    com.shisha.core.journey.PlaceLocator placeLocator() {
        return com.shisha.dialogs.understanding.Gazetteer.india();
    }

    @Bean
    com.shisha.web.console.IntegrationKeys integrationKeys(Environment environment) {
        java.util.List<String> keys = new Env(environment).get("SHISHA_INTEGRATION_KEYS")
                .map(v -> java.util.Arrays.stream(v.split(",")).map(String::strip).filter(k -> !k.isEmpty()).toList())
                .orElse(java.util.List.of());
        try {
            return new com.shisha.web.console.IntegrationKeys(keys);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("SHISHA_INTEGRATION_KEYS", e.getMessage());
        }
    }

    /** Checked before the first admin is made, so a bad setting stops the start with its name. */
    record FirstAdmin(String email, String password) {
    }

    @Bean
    FirstAdmin firstAdmin(Environment environment) {
        Env env = new Env(environment);
        boolean production = ApiConfig.production(environment);
        String email = env.get("SHISHA_ADMIN_EMAIL").orElse(production ? null : DEV_ADMIN_EMAIL);
        String password = env.get("SHISHA_ADMIN_PASSWORD").orElse(production ? null : DEV_ADMIN_PASSWORD);
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
        return new FirstAdmin(email, password);
    }

    /**
     * Creates the first admin when there is no staff at all. Production without SHISHA_ADMIN_EMAIL and
     * SHISHA_ADMIN_PASSWORD stops here, because a console nobody can sign in to cannot be fixed from the console.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ApplicationRunner firstAdminRunner(FirstAdmin first, StaffAccounts staff, AuditLog audit, StaffSignIn signIn) {
        return args -> {
            if (staff.count() > 0) {
                return;
            }
            if (first.email() == null || first.password() == null) {
                throw new InvalidConfigurationException(first.email() == null ? "SHISHA_ADMIN_EMAIL" : "SHISHA_ADMIN_PASSWORD",
                        "must be set in production while there is no staff account: it creates the first admin of the console");
            }
            try {
                StaffAccounts.Staff admin = staff.create(first.email(), "Admin", StaffAccounts.Role.ADMIN, signIn.hash(first.password()));
                audit.record(null, "configuration", "staff.create", null, "first admin " + admin.id() + " from SHISHA_ADMIN_EMAIL");
                if (DEV_ADMIN_PASSWORD.equals(first.password())) {
                    log.warn("CONSOLE ADMIN WITH THE DEVELOPMENT PASSWORD: sign in at /console as {} / {} (set SHISHA_ADMIN_PASSWORD "
                            + "for anything but a trial)", admin.email(), DEV_ADMIN_PASSWORD);
                } else {
                    log.info("console: first admin {} created from SHISHA_ADMIN_EMAIL", admin.id());
                }
            } catch (IllegalArgumentException e) {
                // another instance created it at the same moment
                log.info("console: the first admin was created by another instance");
            }
        };
    }
}
