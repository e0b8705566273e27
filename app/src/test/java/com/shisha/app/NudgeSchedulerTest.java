package com.shisha.app;

import com.shisha.core.journey.NudgeScheduler;
import com.shisha.core.journey.Nudges;
import com.shisha.core.pipeline.OutboxDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nudge scheduler against the real database, outbox and dispatcher, with the clock set by the test. Each
 * test nudges on its own far-future day, so days booked by other tests or earlier runs do not get in the way.
 */
class NudgeSchedulerTest extends AbstractPipelineTest {

    private static final String TEMPLATE = "HX0123456789abcdef0123456789abcdef";

    @Autowired
    Nudges nudges;

    @Autowired
    OutboxDispatcher dispatcher;

    @Test
    void insideTheWindowFreeTextOutsideTheTemplateAndNothingToOptedOut() {
        Instant now = indiaTime(freshDay(), 10, 30);
        String inside = seedPartner("Asha", "en", now.minus(Duration.ofHours(2)), false);
        String insideHindi = seedPartner("Ravi", "hi", now.minus(Duration.ofHours(20)), false);
        String outside = seedPartner("Meena", "en", now.minus(Duration.ofHours(30)), false);
        String neverWrote = seedPartner(null, "en", null, false);
        String optedOut = seedPartner("Kiran", "en", now.minus(Duration.ofHours(1)), true);

        scheduler(TEMPLATE, now).runOnce();

        assertThat(TwilioStandIn.awaitSent("whatsapp:" + inside, 1, REPLY_TIMEOUT)).singleElement()
                .satisfies(s -> assertThat(s.body()).isEqualTo("👉 Next: Call Priya about her credit card " + inside));
        assertThat(TwilioStandIn.formsPostedTo("whatsapp:" + inside).get(0)).doesNotContainKeys("ContentSid", "ContentVariables");
        assertThat(TwilioStandIn.awaitSent("whatsapp:" + insideHindi, 1, REPLY_TIMEOUT)).singleElement()
                .satisfies(s -> assertThat(s.body()).isEqualTo("👉 अगला कदम: प्रिया को कॉल करें " + insideHindi));

        assertThat(TwilioStandIn.awaitSent("whatsapp:" + outside, 1, REPLY_TIMEOUT)).hasSize(1);
        assertThat(TwilioStandIn.formsPostedTo("whatsapp:" + outside)).singleElement().satisfies(form -> assertThat(form)
                .containsEntry("From", WHATSAPP_FROM)
                .containsEntry("ContentSid", TEMPLATE)
                .containsEntry("ContentVariables", "{\"1\":\"Meena\",\"2\":\"Call Priya about her credit card " + outside + "\"}")
                .doesNotContainKey("Body"));
        assertThat(TwilioStandIn.awaitSent("whatsapp:" + neverWrote, 1, REPLY_TIMEOUT)).hasSize(1);
        assertThat(TwilioStandIn.formsPostedTo("whatsapp:" + neverWrote).get(0))
                .containsEntry("ContentSid", TEMPLATE)
                .containsEntry("ContentVariables", "{\"1\":\"partner\",\"2\":\"Call Priya about her credit card " + neverWrote + "\"}");

        assertThat(outboxRows("whatsapp:" + optedOut)).isZero();
        assertThat(nudgeDays(optedOut)).isZero();
        assertThat(TwilioStandIn.sentTo("whatsapp:" + optedOut)).isEmpty();
    }

    @Test
    void withoutATemplateOnlyPartnersInsideTheWindowAreNudged() {
        Instant now = indiaTime(freshDay(), 12, 0);
        String inside = seedPartner("Asha", "en", now.minus(Duration.ofHours(3)), false);
        String outside = seedPartner("Meena", "en", now.minus(Duration.ofHours(25)), false);

        scheduler(null, now).runOnce();

        assertThat(TwilioStandIn.awaitSent("whatsapp:" + inside, 1, REPLY_TIMEOUT)).hasSize(1);
        assertThat(outboxRows("whatsapp:" + outside)).isZero();
        assertThat(nudgeDays(outside)).as("a skipped partner keeps the day free for when a template is set").isZero();
    }

    @Test
    void quietHoursInIndiaSendNothing() {
        LocalDate day = freshDay();
        Instant lastInbound = indiaTime(day, 8, 0);
        String phone = seedPartner("Asha", "en", lastInbound, false);

        assertThat(scheduler(TEMPLATE, indiaTime(day, 8, 59)).runOnce()).isZero();
        assertThat(scheduler(TEMPLATE, indiaTime(day, 21, 0)).runOnce()).isZero();
        assertThat(scheduler(TEMPLATE, indiaTime(day, 23, 30)).runOnce()).isZero();
        assertThat(outboxRows("whatsapp:" + phone)).isZero();

        // the same partner is due: it was the hour that kept the message back
        scheduler(TEMPLATE, indiaTime(day, 9, 0)).runOnce();
        assertThat(TwilioStandIn.awaitSent("whatsapp:" + phone, 1, REPLY_TIMEOUT)).hasSize(1);
    }

    @Test
    void repeatedAndConcurrentRunsSendOneNudgePerPartnerPerDay() throws Exception {
        LocalDate day = freshDay();
        Instant now = indiaTime(day, 11, 0);
        List<String> phones = List.of(
                seedPartner("A", "en", now.minus(Duration.ofHours(1)), false),
                seedPartner("B", "hi", now.minus(Duration.ofHours(2)), false),
                seedPartner("C", "en", now.minus(Duration.ofDays(3)), false),
                seedPartner("D", "en", null, false));

        // two "instances" at once, released together so their claims really race
        ExecutorService twoInstances = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> runs = List.of(
                    twoInstances.submit(() -> {
                        start.await();
                        return scheduler(TEMPLATE, now).runOnce();
                    }),
                    twoInstances.submit(() -> {
                        start.await();
                        return scheduler(TEMPLATE, now).runOnce();
                    }));
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            twoInstances.shutdownNow();
        }
        scheduler(TEMPLATE, now.plus(Duration.ofHours(5))).runOnce();

        for (String phone : phones) {
            assertThat(TwilioStandIn.awaitSent("whatsapp:" + phone, 1, REPLY_TIMEOUT)).as(phone).hasSize(1);
            assertThat(outboxRows("whatsapp:" + phone)).as(phone).isEqualTo(1);
            assertThat(nudgeDays(phone)).as(phone).isEqualTo(1);
        }

        // the next day is a new day
        scheduler(TEMPLATE, indiaTime(day.plusDays(1), 10, 0)).runOnce();
        for (String phone : phones) {
            assertThat(TwilioStandIn.awaitSent("whatsapp:" + phone, 2, REPLY_TIMEOUT)).as(phone).hasSize(2);
        }
        TwilioStandIn.sleep(300); // time for a wrongly queued extra message to go out too
        for (String phone : phones) {
            assertThat(TwilioStandIn.sentTo("whatsapp:" + phone)).as(phone).hasSize(2);
        }
    }

    /** A batch larger than every partner the shared database may hold, so ours are always reached. */
    private NudgeScheduler scheduler(String template, Instant now) {
        return new NudgeScheduler(nudges, template, Clock.fixed(now, ZoneOffset.UTC), 100_000, dispatcher::submit);
    }

    private static Instant indiaTime(LocalDate day, int hour, int minute) {
        return LocalDateTime.of(day, java.time.LocalTime.of(hour, minute)).atZone(NudgeScheduler.INDIA).toInstant();
    }

    /** A day no other test or earlier run has nudged on (nudges stay in the shared database). */
    private static LocalDate freshDay() {
        return LocalDate.of(2100, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(300_000));
    }

    /** An onboarded partner with a WhatsApp conversation and a next best action that names their phone. */
    private String seedPartner(String name, String language, Instant lastInbound, boolean optedOut) {
        String phone = freshPhone();
        long id = jdbc.sql("insert into partners (phone, name, language, onboarded_at) values (:phone, :name, :lang, now()) returning id")
                .param("phone", phone).param("name", name).param("lang", language).query(Long.class).single();
        jdbc.sql("""
                        insert into conversations (conversation_key, channel, address, language, last_inbound_at, opted_out_at)
                        values (:key, 'WHATSAPP', :phone, :lang, :last, case when :optedOut then now() end)""")
                .param("key", "whatsapp:" + phone).param("phone", phone).param("lang", language)
                .param("last", lastInbound == null ? null : Timestamp.from(lastInbound)).param("optedOut", optedOut)
                .update();
        jdbc.sql("insert into next_best_actions (partner_id, kind, text_en, text_hi) values (:id, 'CALL_LEAD', :en, :hi)")
                .param("id", id).param("en", "Call Priya about her credit card " + phone).param("hi", "प्रिया को कॉल करें " + phone)
                .update();
        return phone;
    }

    private int nudgeDays(String phone) {
        return jdbc.sql("select count(*) from nudges n join partners p on p.id = n.partner_id where p.phone = :phone")
                .param("phone", phone).query(Integer.class).single();
    }
}
