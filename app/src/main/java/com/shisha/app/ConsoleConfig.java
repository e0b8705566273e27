package com.shisha.app;

import com.shisha.core.InvalidConfigurationException;
import com.shisha.core.console.AuditLog;
import com.shisha.core.console.StaffAccounts;
import com.shisha.persistence.console.ConsolePersistence;
import com.shisha.web.console.StaffSignIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import com.shisha.web.WebSettings;


/**
 * The operator console: staff accounts and their data (JPA, see {@link ConsolePersistence}), and the first admin.
 * A fresh installation has no staff, so the first admin comes from SHISHA_ADMIN_EMAIL and SHISHA_ADMIN_PASSWORD;
 * the zero-setup run uses a published development password, which production refuses.
 */
@Configuration(proxyBeanMethods = false)
@Import(ConsolePersistence.class)
class ConsoleConfig {

    private static final Logger log = LoggerFactory.getLogger(ConsoleConfig.class);

    static final String DEV_ADMIN_EMAIL = WebSettings.DEV_ADMIN_EMAIL;
    static final String DEV_ADMIN_PASSWORD = WebSettings.DEV_ADMIN_PASSWORD;

    @Bean
    BroadcastSender broadcastSender(com.shisha.core.console.Broadcasts broadcasts, com.shisha.core.pipeline.OutboxDispatcher dispatcher,
                                    java.time.Clock clock, WebSettings web) {
        return new BroadcastSender(broadcasts, dispatcher, clock, web.operators().broadcastBatch(),
                web.operators().broadcastsPerPartnerPerDay());
    }

    @Bean(destroyMethod = "shutdownNow")
    java.util.concurrent.ScheduledExecutorService broadcastScheduler(BroadcastSender sender, WebSettings web) {
        long every = web.operators().broadcastEvery().toSeconds();
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
     * Staff edits of the coach's guide are loaded before the service answers anyone; after that every instance also
     * looks for new ones now and then, in case it missed being told over Redis.
     */
    @Bean(destroyMethod = "close")
    com.shisha.web.console.GuideEditor guideEditor(com.shisha.core.coach.CoachGuide guide,
                                                   com.shisha.core.console.GuideVersions versions,
                                                   com.shisha.core.pipeline.Fanout fanout, WebSettings web) {
        int every = (int) web.operators().guideSync().toSeconds();
        com.shisha.web.console.GuideEditor editor = new com.shisha.web.console.GuideEditor(guide, versions, fanout, every);
        editor.start();
        return editor;
    }

    /** The gazetteer, for imported leads' cities (the one the understanding step reads partners' cities with). */
    @Bean
    com.shisha.core.journey.PlaceLocator placeLocator() {
        return com.shisha.dialogs.understanding.Gazetteer.india();
    }


    /**
     * Creates the first admin when there is no staff at all. Production without SHISHA_ADMIN_EMAIL and
     * SHISHA_ADMIN_PASSWORD stops here, because a console nobody can sign in to cannot be fixed from the console.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ApplicationRunner firstAdminRunner(WebSettings web, StaffAccounts staff, AuditLog audit, StaffSignIn signIn) {
        WebSettings.Operators first = web.operators();
        return args -> {
            if (staff.count() > 0) {
                return;
            }
            if (first.adminEmail() == null || first.adminPassword() == null) {
                throw new InvalidConfigurationException(first.adminEmail() == null ? "SHISHA_ADMIN_EMAIL" : "SHISHA_ADMIN_PASSWORD",
                        "must be set in production while there is no staff account: it creates the first admin of the console");
            }
            try {
                StaffAccounts.Staff admin = staff.create(first.adminEmail(), "Admin", StaffAccounts.Role.ADMIN, signIn.hash(first.adminPassword()));
                audit.record(null, "configuration", "staff.create", null, "first admin " + admin.id() + " from SHISHA_ADMIN_EMAIL");
                if (DEV_ADMIN_PASSWORD.equals(first.adminPassword())) {
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
