package com.shisha.persistence.journal;

import com.shisha.core.ConversationKey;
import com.shisha.core.Failures;
import com.shisha.core.InboundMessage;
import com.shisha.core.pipeline.IntakeBuffer;
import com.shisha.core.pipeline.IntakePriority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The intake journal: an acknowledged message is appended to a local file and flushed to disk (fsync) before
 * the webhook answers, and moved into the shared inbox right after, by one thread, in journal order. The
 * acknowledgement then costs a file append and a share of one flush instead of a database round trip and a
 * share of a commit, which is what lets intake keep up with bursts (bench/README.md).
 *
 * <p>What holds: an acknowledged message is on disk (a crash or kill -9 at any moment loses nothing: on start
 * the entries not yet moved are replayed); it is moved in the order it was journaled, so one conversation's
 * messages reach the inbox in arrival order; the inbox deduplicates on the provider's id as before (copies
 * journaled twice, or replayed after a crash between the move and the checkpoint, yield one row). What it
 * gives up against storing in the inbox before answering: an acknowledged message not yet moved lives on this
 * instance's disk only, and two instances each move their own messages, so one conversation's messages taken
 * by different instances within the same few milliseconds are ordered by their move, not their arrival.
 * That is why it is on by default only with the embedded database (one instance, on the same disk anyway).
 *
 * <p>On disk: segment files {@code journal-<n>.log} of records (length, CRC32C, message), a {@code checkpoint}
 * naming the first record not known to be in the inbox, a {@code lock} held while open, and
 * {@code rejected.log} for the rare message the inbox refuses while it accepts others (set aside, logged).
 */
public final class IntakeJournal implements IntakeBuffer, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IntakeJournal.class);
    private static final int MAX_RECORD = 1 << 20;
    private static final int HEADER = 8;
    private static final byte FORMAT = 1;
    /** FORMAT followed by the tapped choice's id; only a tap is written this way, so other records stay as they were. */
    private static final byte FORMAT_WITH_CHOICE = 2;
    private static final int CHUNK = 256;
    /**
     * While webhooks crowd in, the mover pauses before each chunk like other background work, and then moves only
     * this many: a full chunk each pause stored as many messages in the database as the intake took in
     */
    private static final int BUSY_CHUNK = 16;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final int CHECKPOINT_BYTES = 20;
    /** 0 / 0.5 / 1 ms: 15,100-15,600 / 16,000-17,100 / 16,500-17,200 webhooks/s in a burst (bench/README.md) */
    private static final long BUSY_LINGER_NANOS = 500_000L;
    /** Well inside Twilio's 15 s: past it the webhook answers 503 and Twilio redelivers. */
    private static final Duration APPEND_TIMEOUT = Duration.ofSeconds(5);
    private static final long CHECKPOINT_EVERY_NANOS = 100_000_000L;

    /** A place in the journal: a segment and a byte offset in it. */
    private record Position(long segment, long offset) {
    }

    /** A record on disk: the message, its bytes as written (header included) and where they start. */
    private record Entry(InboundMessage message, byte[] record, Position start) {

        /** The journal up to here is taken care of once this record is in the inbox. */
        Position end() {
            return new Position(start.segment(), start.offset() + record.length);
        }
    }

    private final Path dir;
    private final long segmentBytes;
    private final FileChannel lockChannel;
    private final FileLock lock;
    /** Appended, waiting for the flusher to write and flush them. */
    private final BlockingQueue<Append> appends = new LinkedBlockingQueue<>();
    /** On disk, waiting to be moved into the inbox, in journal order. */
    private final BlockingQueue<Entry> durable = new LinkedBlockingQueue<>();
    /** Segments not yet deleted, by number; only the flusher writes, only to the last. */
    private final Map<Long, FileChannel> open = new ConcurrentHashMap<>();
    private final AtomicLong moved = new AtomicLong();
    /**
     * Taken by the journal and not yet settled in the inbox (stored there, found to be a copy, or set aside): from
     * the moment {@link #append} is called until the mover is done with the message; replayed messages from open.
     */
    private final AtomicLong unsettled = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final Thread flusher;
    private final FileChannel checkpointChannel;
    /** The mover's progress, and what of it is written down (see {@link #checkpoint}). */
    private volatile Position checkpoint;
    private Position checkpointOnDisk;
    private long checkpointWritten;

    // written by the flusher only
    private volatile long segment;
    private FileChannel current;
    private long size;

    private volatile Thread mover;
    /** While intake is busy the flusher lingers (see flushLoop) and the mover gives way like other background work. */
    private final IntakePriority intake;
    private volatile boolean closed;

    private record Append(InboundMessage message, byte[] record, CompletableFuture<Void> flushed) {
    }

    /**
     * Opens the journal in {@code dir} (created if missing), replaying what earlier runs journaled and did not
     * move into the inbox: those are moved first, before anything appended now.
     *
     * @param segmentBytes a segment is closed for appends once it is this large; it is deleted once moved
     */
    public IntakeJournal(Path dir, long segmentBytes, IntakePriority intake) {
        this.dir = dir;
        this.intake = intake;
        this.segmentBytes = segmentBytes;
        try {
            Files.createDirectories(dir);
            lockChannel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock held;
            try {
                held = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                held = null;
            }
            if (held == null) {
                lockChannel.close();
                throw new IllegalStateException("the intake journal " + dir.toAbsolutePath() + " is in use by another "
                        + "instance; each instance needs a journal directory of its own (SHISHA_INTAKE_JOURNAL_DIR)");
            }
            lock = held;
            checkpointChannel = FileChannel.open(dir.resolve("checkpoint"), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            Position from = readCheckpoint();
            checkpointOnDisk = from;
            long last = replay(from);
            segment = last + 1;
            current = openSegment(segment);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the intake journal " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        unsettled.set(durable.size());
        if (!durable.isEmpty()) {
            log.info("intake journal {}: {} acknowledged messages not yet in the inbox will be moved there first",
                    dir.toAbsolutePath(), durable.size());
        }
        flusher = new Thread(this::flushLoop, "intake-journal-flush");
        flusher.setDaemon(true);
        flusher.start();
    }

    /**
     * Appends the message and returns once it is on disk. One thread writes and flushes whatever was appended
     * meanwhile, with one write and one flush: a flush costs the same for one record as for a hundred.
     */
    @Override
    public void append(InboundMessage message) {
        if (closed) {
            throw new IllegalStateException("the intake journal is closed");
        }
        Append append = new Append(message, encode(message), new CompletableFuture<>());
        unsettled.incrementAndGet();
        appends.add(append);
        try {
            append.flushed().get(APPEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // the record may still reach the disk and be moved; Twilio's redelivery is then dropped as a copy
            throw new IllegalStateException("the intake journal did not flush within " + APPEND_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the intake journal to flush", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Starts moving journaled messages into the inbox, oldest first. */
    @Override
    public synchronized void start(Sink sink) {
        if (mover != null) {
            throw new IllegalStateException("already started");
        }
        Thread thread = new Thread(() -> moveLoop(sink), "intake-journal");
        thread.setDaemon(true);
        mover = thread;
        thread.start();
    }

    /** Journaled messages not yet in the inbox (replayed ones included). */
    public int waiting() {
        return durable.size();
    }

    /** Messages appended (or replayed) and not yet settled in the inbox, including those still being flushed. */
    @Override
    public long unsettled() {
        return unsettled.get();
    }

    /** Messages moved into the inbox since open. */
    public long moved() {
        return moved.get();
    }

    /** Messages the inbox refused while accepting others, set aside in rejected.log, since open. */
    public long rejected() {
        return rejected.get();
    }

    /** Stops moving and closes the files; what was not moved yet is replayed by the next open. */
    @Override
    public void close() {
        closed = true;
        // not interrupted first: an interrupt in the middle of a file write closes the file (NIO's rule); both
        // threads look at `closed` at least every 100 ms and finish what they hold
        for (Thread thread : new Thread[]{flusher, mover}) {
            if (thread != null) {
                try {
                    thread.join(5_000);
                    if (thread.isAlive()) {
                        thread.interrupt();
                        thread.join(1_000);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        for (Append left : appends) {
            refuse(left, new IllegalStateException("the intake journal is closed"));
        }
        writeCheckpoint();
        closeQuietly(checkpointChannel);
        for (FileChannel channel : open.values()) {
            closeQuietly(channel);
        }
        open.clear();
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            log.warn("intake journal {}: releasing the lock failed: {}", dir, e.toString());
        }
    }

    // ---- writing and flushing

    private void flushLoop() {
        List<Append> batch = new ArrayList<>();
        while (!closed) {
            try {
                Append first = appends.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                break;
            }
            if (intake.busy()) {
                // in a burst every webhook waits for a flush anyway: a short wait makes the batch larger and the
                // flushes fewer (each costs the kernel the same, however many records it carries)
                LockSupport.parkNanos(BUSY_LINGER_NANOS);
            }
            appends.drainTo(batch);
            try {
                flush(batch);
            } catch (RuntimeException e) {
                // a flusher that died would leave every webhook waiting: this batch is refused (503, Twilio
                // redelivers) and the next one tried
                log.error("intake journal: flushing {} messages failed unexpectedly", batch.size(), e);
                batch.forEach(a -> refuse(a, e));
            }
            batch.clear();
        }
    }

    /** Writes the batch with one gathering write and flushes it; then its appends return and its entries move on. */
    private void flush(List<Append> batch) {
        try {
            if (size >= segmentBytes) {
                current.force(false);
                segment++;
                current = openSegment(segment);
            }
            ByteBuffer[] buffers = new ByteBuffer[batch.size()];
            List<Entry> entries = new ArrayList<>(batch.size());
            long at = size;
            for (int i = 0; i < batch.size(); i++) {
                byte[] record = batch.get(i).record();
                buffers[i] = ByteBuffer.wrap(record);
                entries.add(new Entry(batch.get(i).message(), record, new Position(segment, at)));
                at += record.length;
            }
            long left = at - size;
            while (left > 0) {
                left -= current.write(buffers);
            }
            current.force(false);
            size = at;
            durable.addAll(entries);
            for (Append append : batch) {
                append.flushed().complete(null);
            }
        } catch (IOException e) {
            log.error("intake journal: writing {} messages to {} failed ({}); their webhooks are answered 503 and redelivered",
                    batch.size(), segmentPath(segment).toAbsolutePath(), e.toString());
            try {
                // records not known to be on disk must not be replayed after what is appended next (size still
                // ends at the last flushed record; truncating also moves the channel's write position back there)
                current.truncate(size);
            } catch (IOException again) {
                log.error("intake journal: cutting the failed write off failed too ({})", again.toString());
            }
            for (Append append : batch) {
                refuse(append, new UncheckedIOException("cannot write the intake journal: " + e.getMessage(), e));
            }
        }
    }

    /** The webhook is answered with the failure (Twilio redelivers); the message is not the journal's to move. */
    private void refuse(Append append, RuntimeException why) {
        if (append.flushed().completeExceptionally(why)) {
            unsettled.decrementAndGet();
        }
    }

    private FileChannel openSegment(long n) throws IOException {
        FileChannel channel = FileChannel.open(segmentPath(n), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        open.put(n, channel);
        size = 0;
        // the new file's directory entry must survive a power cut too
        forceDirectory();
        return channel;
    }

    // ---- moving into the inbox

    private void moveLoop(Sink sink) {
        List<Entry> retry = new ArrayList<>();
        long backoffMillis = 0;
        while (!closed) {
            List<Entry> chunk = new ArrayList<>(retry);
            try {
                if (chunk.isEmpty()) {
                    Entry first = durable.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    chunk.add(first);
                } else {
                    TimeUnit.MILLISECONDS.sleep(backoffMillis);
                }
                intake.yieldToIntake();
                durable.drainTo(chunk, (intake.busy() ? BUSY_CHUNK : CHUNK) - chunk.size());
                List<RuntimeException> failures = sink.store(chunk.stream().map(Entry::message).toList());
                retry = settle(chunk, failures);
                backoffMillis = retry.isEmpty() ? 0 : Math.min(MAX_BACKOFF.toMillis(), Math.max(100, backoffMillis * 2));
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the sink is not expected to throw; whatever it did, the chunk is tried again (what it stored
                // comes back as copies, which the inbox drops), as dropping it here would lose it until a restart
                log.error("intake journal: moving {} messages into the inbox failed unexpectedly; retrying", chunk.size(), e);
                retry = chunk;
                backoffMillis = Math.min(MAX_BACKOFF.toMillis(), Math.max(100, backoffMillis * 2));
            }
        }
    }

    /**
     * Decides what a chunk's failures mean and advances the checkpoint over what is done. When the inbox took
     * none of the chunk it is most likely unreachable: everything is tried again, without end, because these
     * messages were acknowledged. When it took some, a message that failed because the database went away or
     * timed out part-way ({@link Failures#passing}) is tried again too; one the inbox refused for
     * what it is is set aside in rejected.log rather than holding up every message behind it.
     *
     * @return the entries to try again, oldest first
     */
    private List<Entry> settle(List<Entry> chunk, List<RuntimeException> failures) {
        if (failures.size() != chunk.size()) {
            throw new IllegalStateException("the sink answered " + failures.size() + " results for " + chunk.size() + " messages");
        }
        List<Entry> failed = new ArrayList<>();
        RuntimeException cause = null;
        for (int i = 0; i < chunk.size(); i++) {
            if (failures.get(i) != null) {
                failed.add(chunk.get(i));
                cause = failures.get(i);
            }
        }
        if (!failed.isEmpty() && failed.size() == chunk.size()) {
            log.warn("intake journal: the inbox took none of {} acknowledged messages ({}); trying again", failed.size(), Failures.withoutMessages(cause));
            checkpoint(failed.get(0).start());
            return failed;
        }
        List<Entry> retry = new ArrayList<>();
        int setAside = 0;
        for (int i = 0; i < chunk.size(); i++) {
            if (failures.get(i) != null) {
                if (Failures.passing(failures.get(i))) {
                    // the database went away (or timed out) part-way through the chunk: not a refusal of this message
                    log.warn("intake journal: message {} could not be stored just now ({}); trying again",
                            chunk.get(i).message().providerMessageId(), Failures.withoutMessages(failures.get(i)));
                    retry.add(chunk.get(i));
                } else if (setAside(chunk.get(i), failures.get(i))) {
                    setAside++;
                } else {
                    retry.add(chunk.get(i));
                }
            }
        }
        checkpoint(retry.isEmpty() ? chunk.get(chunk.size() - 1).end() : retry.get(0).start());
        // counted after the checkpoint, so whoever sees the counts (a test about to close) sees it too
        unsettled.addAndGet(retry.size() - chunk.size());
        rejected.addAndGet(setAside);
        moved.addAndGet(chunk.size() - failed.size());
        return retry;
    }

    /** @return whether the message is safe in rejected.log */
    private boolean setAside(Entry entry, RuntimeException cause) {
        Path file = dir.resolve("rejected.log");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(entry.record());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
            // the message id is not personal data; the conversation is masked
            log.error("intake journal: the inbox refused message {} of {} while it took others ({}); it was set aside "
                    + "in {} and gets no reply", entry.message().providerMessageId(), entry.message().conversation(),
                    Failures.withoutMessages(cause), file.toAbsolutePath());
            return true;
        } catch (IOException e) {
            // kept in the journal and tried again: nothing acknowledged is dropped
            log.error("intake journal: the inbox refused message {} ({}) and writing it to {} failed too ({}); keeping it",
                    entry.message().providerMessageId(), Failures.withoutMessages(cause), file.toAbsolutePath(), e.toString());
            return false;
        }
    }

    /**
     * Everything before {@code position} is in the inbox. Written down at most every 100 ms (and on close), in
     * place and unflushed: a checkpoint per chunk, written as a new file and renamed, was two thirds of the
     * mover's CPU. A checkpoint that lags, or is lost in a power cut, only replays messages the inbox already
     * holds, and it drops them as duplicates.
     */
    private void checkpoint(Position position) {
        checkpoint = position;
        long now = System.nanoTime();
        if (now - checkpointWritten >= CHECKPOINT_EVERY_NANOS) {
            writeCheckpoint();
            checkpointWritten = now;
        }
    }

    private synchronized void writeCheckpoint() {
        Position position = checkpoint;
        if (position == null || position.equals(checkpointOnDisk)) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocate(CHECKPOINT_BYTES).putLong(position.segment()).putLong(position.offset());
        buffer.putInt(crc32c(buffer.array(), 0, 16)).flip();
        try {
            while (buffer.hasRemaining()) {
                checkpointChannel.write(buffer, buffer.position());
            }
        } catch (IOException e) {
            log.warn("intake journal: writing the checkpoint failed ({}); a restart would replay more than needed", e.toString());
            return;
        }
        checkpointOnDisk = position;
        // the flusher only writes to the last segment, which a checkpoint never passes
        for (Long n : List.copyOf(open.keySet())) {
            if (n < position.segment() && n < segment) {
                closeQuietly(open.remove(n));
                try {
                    Files.deleteIfExists(segmentPath(n));
                } catch (IOException e) {
                    log.warn("intake journal: deleting {} failed: {}", segmentPath(n), e.toString());
                }
            }
        }
    }

    // ---- replay

    private Position readCheckpoint() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(CHECKPOINT_BYTES);
        while (buffer.hasRemaining() && checkpointChannel.read(buffer, buffer.position()) > 0) {
            // reads until full or at the end
        }
        if (buffer.position() == 0) {
            return new Position(0, 0);
        }
        if (buffer.position() < CHECKPOINT_BYTES || crc32c(buffer.array(), 0, 16) != buffer.getInt(16)) {
            // replaying from the start only costs duplicates, which the inbox drops
            log.warn("intake journal {}: unreadable checkpoint; replaying every segment", dir.toAbsolutePath());
            return new Position(0, 0);
        }
        return new Position(buffer.getLong(0), buffer.getLong(8));
    }

    /** Queues every whole record from {@code from} on; returns the highest segment number found (0 if none). */
    private long replay(Position from) throws IOException {
        TreeMap<Long, Path> segments = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(p -> {
                String name = p.getFileName().toString();
                if (name.startsWith("journal-") && name.endsWith(".log")) {
                    segments.put(Long.parseLong(name.substring(8, name.length() - 4)), p);
                }
            });
        }
        for (Map.Entry<Long, Path> s : segments.entrySet()) {
            long n = s.getKey();
            if (n < from.segment()) {
                Files.delete(s.getValue());
                continue;
            }
            readSegment(n, s.getValue(), n == from.segment() ? from.offset() : 0, n == segments.lastKey());
            open.put(n, FileChannel.open(s.getValue(), StandardOpenOption.READ));
        }
        return segments.isEmpty() ? 0 : segments.lastKey();
    }

    private void readSegment(long n, Path path, long offset, boolean last) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long position = offset;
            long end = channel.size();
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            while (position < end) {
                header.clear();
                channel.read(header, position);
                int length = header.getInt(0);
                int crc = header.getInt(4);
                if (header.position() < HEADER || length <= 0 || length > MAX_RECORD || position + HEADER + length > end) {
                    cut(channel, path, position, end, last);
                    return;
                }
                ByteBuffer body = ByteBuffer.allocate(length);
                channel.read(body, position + HEADER);
                if (crc32c(body.array(), 0, length) != crc) {
                    cut(channel, path, position, end, last);
                    return;
                }
                byte[] record = new byte[HEADER + length];
                System.arraycopy(header.array(), 0, record, 0, HEADER);
                System.arraycopy(body.array(), 0, record, HEADER, length);
                long next = position + HEADER + length;
                durable.add(new Entry(decode(body.array()), record, new Position(n, position)));
                position = next;
            }
        }
    }

    /**
     * A record cut short or garbled. At the end of the last segment that is a write a crash interrupted before
     * its flush returned, so it was never acknowledged: it is cut off. Anywhere else the disk lost data that
     * was acknowledged: said loudly, and the rest of that segment is skipped.
     */
    private void cut(FileChannel channel, Path path, long position, long end, boolean last) throws IOException {
        if (last) {
            log.warn("intake journal: {} ends in a record cut short by a crash ({} bytes, never acknowledged); truncating it",
                    path.getFileName(), end - position);
            channel.truncate(position);
            channel.force(true);
        } else {
            log.error("intake journal: {} is damaged at byte {} of {}; the acknowledged messages after it cannot be read",
                    path.toAbsolutePath(), position, end);
        }
    }

    // ---- record format

    static byte[] encode(InboundMessage m) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0); // length and checksum, filled in below
            out.writeInt(0);
            out.writeByte(m.choiceId() == null ? FORMAT : FORMAT_WITH_CHOICE);
            writeString(out, m.providerMessageId());
            writeString(out, m.conversation().value());
            writeString(out, m.to());
            writeString(out, m.text());
            writeString(out, m.profileName());
            out.writeLong(m.receivedAt().getEpochSecond());
            out.writeInt(m.receivedAt().getNano());
            out.writeInt(m.media().size());
            for (InboundMessage.Media media : m.media()) {
                writeString(out, media.url());
                writeString(out, media.contentType());
            }
            if (m.choiceId() != null) {
                writeString(out, m.choiceId());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] record = bytes.toByteArray();
        int length = record.length - HEADER;
        if (length > MAX_RECORD) {
            throw new IllegalArgumentException("message too large for the intake journal: " + length + " bytes");
        }
        ByteBuffer.wrap(record).putInt(length).putInt(crc32c(record, HEADER, length));
        return record;
    }

    static InboundMessage decode(byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte format = in.get();
        if (format != FORMAT && format != FORMAT_WITH_CHOICE) {
            throw new IllegalStateException("intake journal record of unknown format " + format);
        }
        String sid = readString(in);
        ConversationKey key = ConversationKey.parse(readString(in));
        String to = readString(in);
        String text = readString(in);
        String profile = readString(in);
        Instant received = Instant.ofEpochSecond(in.getLong(), in.getInt());
        int mediaCount = in.getInt();
        List<InboundMessage.Media> media = new ArrayList<>(mediaCount);
        for (int i = 0; i < mediaCount; i++) {
            media.add(new InboundMessage.Media(readString(in), readString(in)));
        }
        String choiceId = format == FORMAT_WITH_CHOICE ? readString(in) : null;
        return new InboundMessage(sid, key, to, text, media, profile, received, null, choiceId);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        byte[] utf8 = new byte[length];
        in.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static int crc32c(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    private Path segmentPath(long n) {
        return dir.resolve(String.format("journal-%020d.log", n));
    }

    private void forceDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // not every file system lets a directory be opened; the segment's own flush still holds its records
            log.debug("intake journal: flushing the directory {} is not supported here: {}", dir, e.toString());
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("closing a journal segment failed: {}", e.toString());
        }
    }
}
