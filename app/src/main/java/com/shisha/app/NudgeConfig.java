package com.shisha.app;

import com.shisha.core.InvalidConfigurationException;
import com.shisha.core.journey.NudgeScheduler;
import com.shisha.core.journey.Nudges;
import com.shisha.core.pipeline.Outbox;
import com.shisha.core.pipeline.OutboxDispatcher;
import com.shisha.persistence.jdbc.JdbcNudges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Proactive nudges: one next-best-action message per partner per day on WhatsApp, run on every instance. */
@Configuration(proxyBeanMethods = false)
class NudgeConfig {

    private static final Logger log = LoggerFactory.getLogger(NudgeConfig.class);
    private static final Pattern CONTENT_SID = Pattern.compile("HX[0-9a-fA-F]{32}");

    /** The approved template for partners outside WhatsApp's 24-hour window. A holder, as Spring reads Optional as "bean or nothing". */
    record NudgeTemplate(Optional<String> contentSid) {
    }

    @Bean
    NudgeTemplate nudgeTemplate(Environment env) {
        Optional<String> sid = new Env(env).get("TWILIO_TEMPLATE_NUDGE");
        // checked here so a typo stops start-up instead of failing every nudge at the outbox
        if (sid.isPresent() && !CONTENT_SID.matcher(sid.get()).matches()) {
            throw new InvalidConfigurationException("TWILIO_TEMPLATE_NUDGE", "must be a Twilio Content SID: HX followed by 32 hex digits");
        }
        return new NudgeTemplate(sid);
    }

    @Bean
    Nudges nudges(JdbcClient jdbc, Outbox outbox, PlatformTransactionManager transactions) {
        return new JdbcNudges(jdbc, outbox, new TransactionTemplate(transactions));
    }

    @Bean
    NudgeScheduler nudgeScheduler(Nudges nudges, NudgeTemplate template, Clock clock, OutboxDispatcher dispatcher) {
        return new NudgeScheduler(nudges, template.contentSid().orElse(null), clock, 500, dispatcher::submit);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService nudgeSchedule(NudgeScheduler scheduler, NudgeTemplate template,
                                           ChannelsConfig.TwilioSetup twilio, Environment env) {
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nudge");
            t.setDaemon(true);
            return t;
        });
        int everySeconds = new Env(env).integer("SHISHA_NUDGE_EVERY_SECONDS", 60, 0, 86_400);
        boolean whatsapp = twilio.settings().map(s -> s.whatsappFrom() != null).orElse(false);
        if (everySeconds == 0 || !whatsapp) {
            log.info("Nudges are off: {}", everySeconds == 0 ? "SHISHA_NUDGE_EVERY_SECONDS=0" : "WhatsApp is not configured");
            return schedule;
        }
        if (template.contentSid().isEmpty()) {
            log.warn("TWILIO_TEMPLATE_NUDGE is not set: only partners who wrote in the last 24 hours get nudges");
        }
        schedule.scheduleWithFixedDelay(scheduler, everySeconds, everySeconds, TimeUnit.SECONDS);
        return schedule;
    }
}
