package com.shisha.persistence.journal;

import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.InboundMessage;
import com.shisha.core.pipeline.IntakeBuffer;
import com.shisha.core.pipeline.IntakePriority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntakeJournalTest {

    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    /** What the inbox received, in the order it received it. */
    private final List<InboundMessage> inbox = Collections.synchronizedList(new ArrayList<>());

    private List<RuntimeException> takeAll(List<InboundMessage> messages) {
        inbox.addAll(messages);
        return Collections.nCopies(messages.size(), null);
    }

    private static InboundMessage message(String sid, String address, String text) {
        return new InboundMessage(sid, new ConversationKey(Channel.WHATSAPP, address), "whatsapp:+14155238886", text,
                List.of(), "Asha", Instant.parse("2026-11-26T10:15:30.123456789Z"));
    }

    private void awaitMoved(IntakeJournal journal, long n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (journal.moved() + journal.rejected() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(journal.moved() + journal.rejected()).isEqualTo(n);
    }

    @Test
    void whatWasAppendedAndNotMovedIsReplayedWholeAfterARestart() throws Exception {
        List<InboundMessage> written = List.of(
                new InboundMessage("SM1", new ConversationKey(Channel.WHATSAPP, "+919812345678"), "whatsapp:+14155238886",
                        "नमस्ते 🙏 मेरा नाम आशा है", List.of(new InboundMessage.Media("https://api.twilio.com/m/ME1", "audio/ogg")),
                        "आशा", Instant.parse("2026-11-26T10:15:30.123456789Z")),
                new InboundMessage("SM2", new ConversationKey(Channel.SMS, "+919812345679"), null, "", List.of(), null,
                        Instant.parse("2026-11-26T10:15:31Z")),
                message("SM3", "+919812345678", "x".repeat(10_000)),
                // a tapped list item: the choice's id survives the crash with the rest
                new InboundMessage("SM4", new ConversationKey(Channel.WHATSAPP, "+919812345678"), "whatsapp:+14155238886",
                        "Credit card", List.of(), "Asha", Instant.parse("2026-11-26T10:15:32Z"), null, "product:CREDIT_CARD"));
        try (IntakeJournal journal = new IntakeJournal(dir, 64 * MB, IntakePriority.off())) {
            written.forEach(journal::append);
        }
        // as after kill -9: nothing was moved, so everything comes back, in order, field for field
        try (IntakeJournal reopened = new IntakeJournal(dir, 64 * MB, IntakePriority.off())) {
            assertThat(reopened.waiting()).isEqualTo(4);
            // replayed messages come before anything the ingest might store directly (see InboundIngest)
            assertThat(reopened.unsettled()).isEqualTo(4);
            reopened.start(this::takeAll);
            awaitMoved(reopened, 4);
            assertThat(reopened.unsettled()).isZero();
        }
        assertThat(inbox).containsExactlyElementsOf(written);
    }

    @Test
    void onlyATapIsWrittenInTheNewerRecordFormat() {
        InboundMessage typed = message("SM1", "+919812345678", "yes");
        InboundMessage tapped = new InboundMessage("SM2", typed.conversation(), typed.to(), "Yes", List.of(), "Asha",
                typed.receivedAt(), null, "confirm:yes");
        // byte 8 (after length and checksum) is the format: a typed message reads as before, so an older build can
        // still replay a journal that holds no taps
        assertThat(IntakeJournal.encode(typed)[8]).isEqualTo((byte) 1);
        assertThat(IntakeJournal.encode(tapped)[8]).isEqualTo((byte) 2);
        byte[] record = IntakeJournal.encode(tapped);
        assertThat(IntakeJournal.decode(java.util.Arrays.copyOfRange(record, 8, record.length))).isEqualTo(tapped);
    }

    @Test
    void whatWasMovedIsNotReplayed() throws Exception {
        try (IntakeJournal journal = new IntakeJournal(dir, 64 * MB, IntakePriority.off())) {
            journal.start(this::takeAll);
            for (int i = 0; i < 5; i++) {
                journal.append(message("SM" + i, "+919800000001", "m" + i));
            }
            awaitMoved(journal, 5);
        }
        try (IntakeJournal reopened = new IntakeJournal(dir, 64 * MB, IntakePriority.off())) {
            assertThat(reopened.waiting()).isZero();
        }
        assertThat(inbox).hasSize(5);
    }

    @Test
    void aRecordCutShortByACrashIsDroppedAndAppendingGoesOn() throws Exception {
        try (IntakeJournal journal = new IntakeJournal(dir, 64 * MB, IntakePriority.off())) {
            for (int i = 0; i < 3; i++) {
                journal.append(message("SM" + i, "+919800000002", "m" + i));
            }
        }
        Path segment = segments().get(0);
        long whole = Files.size(segment);
        byte[] nextRecord = IntakeJournal.encode(message("SM-torn", "+919800000002", "never acknowledged"));
        Files.write(segment, java.util.Arrays.copyOf(nextRecord, nextRecord.length / 2), StandardOpenOption.APPEND);

        try (IntakeJournal reopened = new IntakeJournal(dir, 64 * MB, IntakePriority.off())) {
            assertThat(reopened.waiting()).isEqualTo(3);
            assertThat(Files.size(segment)).isEqualTo(whole);
            reopened.append(message("SM3", "+919800000002", "m3"));
        }
        try (IntakeJournal again = new IntakeJournal(dir, 64 * MB, IntakePriority.off())) {
            again.start(this::takeAll);
            awaitMoved(again, 4);
        }
        assertThat(inbox).extracting(InboundMessage::providerMessageId).containsExactly("SM0", "SM1", "SM2", "SM3");
    }

    @Test
    void concurrentAppendsAllArriveOnceAndEachConversationInOrder() throws Exception {
        int writers = 8;
        int each = 300;
        try (IntakeJournal journal = new IntakeJournal(dir, 64 * 1024, IntakePriority.off())) { // small segments: rolls and deletes too
            journal.start(this::takeAll);
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String address = "+9198000001" + (10 + w);
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        journal.append(message(address + "-" + i, address, String.valueOf(i)));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            awaitMoved(journal, (long) writers * each);
        }
        assertThat(inbox).hasSize(writers * each);
        Map<ConversationKey, List<Integer>> byConversation = new ConcurrentHashMap<>();
        for (InboundMessage m : inbox) {
            byConversation.computeIfAbsent(m.conversation(), k -> new ArrayList<>()).add(Integer.parseInt(m.text()));
        }
        assertThat(byConversation).hasSize(writers);
        byConversation.values().forEach(texts -> assertThat(texts).hasSize(each).isSorted());
        // everything moved: at most the segment being written is left
        assertThat(segments()).hasSizeLessThanOrEqualTo(1);
        try (IntakeJournal reopened = new IntakeJournal(dir, 64 * MB, IntakePriority.off())) {
            assertThat(reopened.waiting()).isZero();
        }
    }

    @Test
    void whileTheInboxIsDownMessagesWaitAndNoneIsLost() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        IntakeBuffer.Sink downThenUp = messages -> {
            if (calls.incrementAndGet() <= 3) {
                return Collections.nCopies(messages.size(), new IllegalStateException("connection refused"));
            }
            return takeAll(messages);
        };
        try (IntakeJournal journal = new IntakeJournal(dir, 64 * MB, IntakePriority.off())) {
            journal.start(downThenUp);
            for (int i = 0; i < 10; i++) {
                journal.append(message("SM" + i, "+919800000003", "m" + i));
            }
            awaitMoved(journal, 10);
            assertThat(journal.rejected()).isZero();
        }
        assertThat(calls.get()).isGreaterThan(3);
        assertThat(inbox).extracting(InboundMessage::text).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
    }

    @Test
    void aMessageTheInboxRefusesWhileTakingOthersIsSetAsideNotDropped() throws Exception {
        IntakeBuffer.Sink refusesOne = messages -> {
            List<RuntimeException> results = new ArrayList<>();
            for (InboundMessage m : messages) {
                if (m.providerMessageId().equals("SM-bad")) {
                    results.add(new IllegalArgumentException("invalid byte sequence"));
                } else {
                    inbox.add(m);
                    results.add(null);
                }
            }
            return results;
        };
        try (IntakeJournal journal = new IntakeJournal(dir, 64 * MB, IntakePriority.off())) {
            // appended before the mover starts, so the three share a chunk
            journal.append(message("SM-a", "+919800000004", "a"));
            journal.append(message("SM-bad", "+919800000005", "bad"));
            journal.append(message("SM-b", "+919800000006", "b"));
            journal.start(refusesOne);
            awaitMoved(journal, 3);
            assertThat(journal.rejected()).isEqualTo(1);
        }
        assertThat(inbox).extracting(InboundMessage::providerMessageId).containsExactly("SM-a", "SM-b");
        byte[] setAside = Files.readAllBytes(dir.resolve("rejected.log"));
        assertThat(IntakeJournal.decode(java.util.Arrays.copyOfRange(setAside, 8, setAside.length)).providerMessageId()).isEqualTo("SM-bad");
        try (IntakeJournal reopened = new IntakeJournal(dir, 64 * MB, IntakePriority.off())) {
            assertThat(reopened.waiting()).isZero();
        }
    }

    /** The database killed part-way through a chunk: what it did not take is tried again, never set aside. */
    @Test
    void aMessageLostToADroppedConnectionWhileOthersWereStoredIsTriedAgain() throws Exception {
        AtomicInteger failures = new AtomicInteger();
        IntakeBuffer.Sink dropsOneConnection = messages -> {
            List<RuntimeException> results = new ArrayList<>();
            for (InboundMessage m : messages) {
                if (m.providerMessageId().equals("SM-cut") && failures.incrementAndGet() <= 2) {
                    results.add(new IllegalStateException("write failed", new java.sql.SQLException(
                            "terminating connection due to administrator command", "57P01")));
                } else {
                    inbox.add(m);
                    results.add(null);
                }
            }
            return results;
        };
        try (IntakeJournal journal = new IntakeJournal(dir, 64 * MB, IntakePriority.off())) {
            journal.append(message("SM-x", "+919800000007", "x"));
            journal.append(message("SM-cut", "+919800000008", "cut"));
            journal.append(message("SM-y", "+919800000009", "y"));
            journal.start(dropsOneConnection);
            awaitMoved(journal, 3);
            assertThat(journal.rejected()).isZero();
        }
        assertThat(failures.get()).isEqualTo(3);
        assertThat(inbox).extracting(InboundMessage::providerMessageId).containsExactlyInAnyOrder("SM-x", "SM-cut", "SM-y");
        assertThat(dir.resolve("rejected.log")).doesNotExist();
    }

    @Test
    void aDirectoryServesOneInstanceAtATime() {
        try (IntakeJournal journal = new IntakeJournal(dir, 64 * MB, IntakePriority.off())) {
            assertThatThrownBy(() -> new IntakeJournal(dir, 64 * MB, IntakePriority.off()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another instance")
                    .hasMessageContaining("SHISHA_INTAKE_JOURNAL_DIR");
        }
        // released on close
        new IntakeJournal(dir, 64 * MB, IntakePriority.off()).close();
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("journal-")).sorted().toList();
        }
    }
}
