package com.shisha.app;

import com.shisha.core.journey.NudgeScheduler;
import com.shisha.core.journey.Nudges;
import com.shisha.core.pipeline.Outbox;
import com.shisha.core.pipeline.OutboxDispatcher;
import com.shisha.persistence.jdbc.JdbcNudges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import com.shisha.channels.ChannelSettings;
import com.shisha.core.CoreSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Proactive nudges: one next-best-action message per partner per day on WhatsApp, run on every instance. */
@Configuration(proxyBeanMethods = false)
class NudgeConfig {

    private static final Logger log = LoggerFactory.getLogger(NudgeConfig.class);

    @Bean
    Nudges nudges(JdbcClient jdbc, Outbox outbox, PlatformTransactionManager transactions) {
        return new JdbcNudges(jdbc, outbox, new TransactionTemplate(transactions));
    }

    @Bean
    NudgeScheduler nudgeScheduler(Nudges nudges, ChannelSettings channels, Clock clock, OutboxDispatcher dispatcher) {
        return new NudgeScheduler(nudges, channels.nudgeTemplate().orElse(null), clock, 500, dispatcher::submit);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService nudgeSchedule(NudgeScheduler scheduler, ChannelSettings channels, CoreSettings core) {
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nudge");
            t.setDaemon(true);
            return t;
        });
        long everySeconds = core.nudgeEvery().toSeconds();
        boolean whatsapp = channels.twilio().map(s -> s.whatsappFrom() != null).orElse(false);
        if (everySeconds == 0 || !whatsapp) {
            log.info("Nudges are off: {}", everySeconds == 0 ? "SHISHA_NUDGE_EVERY_SECONDS=0" : "WhatsApp is not configured");
            return schedule;
        }
        if (channels.nudgeTemplate().isEmpty()) {
            log.warn("TWILIO_TEMPLATE_NUDGE is not set: only partners who wrote in the last 24 hours get nudges");
        }
        schedule.scheduleWithFixedDelay(scheduler, everySeconds, everySeconds, TimeUnit.SECONDS);
        return schedule;
    }
}
