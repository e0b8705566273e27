package com.shisha.core.companion;

import com.shisha.core.Language;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dispatcher's rules on an in-memory queue: quiet-hour edges, expiry, and what a failed send leaves behind. */
class PushDispatcherTest {

    /** Holds rows in memory with the port's semantics (claims move the due time). */
    static final class MemoryQueue implements PushQueue {
        final Map<Long, Row> rows = new HashMap<>();
        final List<String> tokens = new ArrayList<>(List.of("token-a"));
        final List<String> removed = new ArrayList<>();
        int reminders;
        int hotLeadScans;

        static final class Row {
            Pending pending;
            String status = "PENDING";
            Instant due;
            String detail;
        }

        void add(long id, Instant created) {
            Row r = new Row();
            r.pending = new Pending(id, 7, Kind.BADGE, Language.EN, Map.of("code", "FIRST_QUIZ", "nameEn", "First quiz", "points", "20"), 0, created);
            r.due = created;
            rows.put(id, r);
        }

        @Override
        public List<Pending> claimDue(Instant now, Duration lease, int limit) {
            List<Pending> due = new ArrayList<>();
            rows.values().stream().filter(r -> r.status.equals("PENDING") && !r.due.isAfter(now)).limit(limit).forEach(r -> {
                r.due = now.plus(lease);
                due.add(r.pending);
            });
            return due;
        }

        @Override
        public List<String> tokens(long partnerId) {
            return List.copyOf(tokens);
        }

        @Override
        public int sentSince(long partnerId, Instant from) {
            return (int) rows.values().stream().filter(r -> r.status.equals("SENT")).count();
        }

        @Override
        public boolean markSent(long id, Instant at, String detail) {
            rows.get(id).status = "SENT";
            return true;
        }

        @Override
        public boolean drop(long id, String reason) {
            rows.get(id).status = "DROPPED";
            rows.get(id).detail = reason;
            return true;
        }

        @Override
        public void retryAt(long id, Instant until, String reason) {
            rows.get(id).due = until;
        }

        @Override
        public void removeToken(String token) {
            tokens.remove(token);
            removed.add(token);
        }

        @Override
        public int queueQuestReminders(LocalDate indiaDay, Instant dueAt) {
            reminders++;
            return 0;
        }

        @Override
        public int queueNewHotLeads(Instant now) {
            hotLeadScans++;
            return 0;
        }
    }

    static Instant india(int hour, int minute) {
        return LocalDateTime.of(2026, 11, 26, hour, minute).atZone(PushDispatcher.INDIA).toInstant();
    }

    static PushDispatcher at(Instant now, MemoryQueue queue, PushNotifications push) {
        return new PushDispatcher(queue, push, Clock.fixed(now, ZoneOffset.UTC), 3, 100);
    }

    static final PushNotifications ACCEPTS = p -> new PushNotifications.Outcome(PushNotifications.Result.SENT, "projects/p/messages/1");

    @Test
    void quietFromNineInTheEveningUntilNineInTheMorning() {
        assertThat(PushDispatcher.quiet(java.time.LocalTime.of(20, 59))).isFalse();
        assertThat(PushDispatcher.quiet(java.time.LocalTime.of(21, 0))).isTrue();
        assertThat(PushDispatcher.quiet(java.time.LocalTime.of(3, 0))).isTrue();
        assertThat(PushDispatcher.quiet(java.time.LocalTime.of(8, 59, 59))).isTrue();
        assertThat(PushDispatcher.quiet(java.time.LocalTime.of(9, 0))).isFalse();
    }

    @Test
    void aNightsPushWaitsForMorningButAStaleOneIsDropped() {
        MemoryQueue queue = new MemoryQueue();
        queue.add(1, india(21, 30));
        queue.add(2, india(9, 0).minus(PushDispatcher.MAX_AGE).minusSeconds(1));
        assertThat(at(india(23, 0), queue, ACCEPTS).runOnce()).isZero();
        assertThat(queue.rows.get(1L).status).isEqualTo("PENDING");

        assertThat(at(india(9, 0).plus(Duration.ofDays(1)), queue, ACCEPTS).runOnce()).isEqualTo(1);
        assertThat(queue.rows.get(1L).status).isEqualTo("SENT");
        assertThat(queue.rows.get(2L).status).isEqualTo("DROPPED");
        assertThat(queue.rows.get(2L).detail).startsWith("expired");
    }

    @Test
    void questRemindersAreQueuedOnlyInTheEvening() {
        MemoryQueue queue = new MemoryQueue();
        at(india(16, 59), queue, ACCEPTS).runOnce();
        assertThat(queue.reminders).isZero();
        at(india(17, 0), queue, ACCEPTS).runOnce();
        assertThat(queue.reminders).isEqualTo(1);
    }

    @Test
    void newHotLeadsAreLookedForOnEveryPassOutsideQuietHours() {
        MemoryQueue queue = new MemoryQueue();
        at(india(22, 0), queue, ACCEPTS).runOnce();
        assertThat(queue.hotLeadScans).as("quiet hours: the morning pass finds them").isZero();
        at(india(9, 0), queue, ACCEPTS).runOnce();
        at(india(9, 1), queue, ACCEPTS).runOnce();
        assertThat(queue.hotLeadScans).isEqualTo(2);
    }

    @Test
    void aDeadTokenIsRemovedAndWithoutLiveOnesThePushIsDropped() {
        MemoryQueue queue = new MemoryQueue();
        queue.add(1, india(10, 0));
        PushNotifications dead = p -> new PushNotifications.Outcome(PushNotifications.Result.INVALID_TOKEN, "UNREGISTERED: gone");
        at(india(10, 1), queue, dead).runOnce();
        assertThat(queue.removed).containsExactly("token-a");
        assertThat(queue.rows.get(1L).status).isEqualTo("DROPPED");
        assertThat(queue.rows.get(1L).detail).isEqualTo("every device token was invalid");
    }

    @Test
    void retriesBackOffAndEndAfterFiveAttempts() {
        MemoryQueue queue = new MemoryQueue();
        queue.add(1, india(10, 0));
        PushNotifications busy = p -> new PushNotifications.Outcome(PushNotifications.Result.RETRY, "UNAVAILABLE");
        at(india(10, 0), queue, busy).runOnce();
        assertThat(queue.rows.get(1L).due).isEqualTo(india(10, 1));
        MemoryQueue.Row row = queue.rows.get(1L);
        row.pending = new PushQueue.Pending(1, 7, PushQueue.Kind.BADGE, Language.EN, row.pending.params(), 4, row.pending.createdAt());
        at(india(10, 30), queue, busy).runOnce();
        assertThat(row.status).isEqualTo("DROPPED");
        assertThat(row.detail).startsWith("gave up after 5 attempts");
    }

    @Test
    void textsAreInThePartnersLanguage() {
        PushQueue.Pending hi = new PushQueue.Pending(1, 7, PushQueue.Kind.HOT_LEAD, Language.HI,
                Map.of("leadId", "12", "product", "LOANS", "city", "Indore"), 0, Instant.now());
        PushTexts.Text text = PushTexts.render(hi);
        assertThat(text.title()).contains("लीड");
        assertThat(text.body()).contains("Indore").contains("लोन").doesNotContain("LOANS");
        assertThat(text.data()).containsEntry("type", "lead").containsEntry("leadId", "12");
    }
}
