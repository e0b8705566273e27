package com.shisha.core.coach;

import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.InboundMessage;
import com.shisha.core.PartnerProfile;
import com.shisha.core.companion.PartnerAccounts;
import com.shisha.core.voice.VoiceNoteException;
import com.shisha.core.voice.VoiceNotes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the app's call-review jobs: fetch the recording, decode and transcribe it (the voice-note path, with the
 * call-length limit), review the transcript, and complete the job with its skill deltas. At most
 * {@code concurrency} jobs run at once per instance; a job whose instance dies is claimed again after its lease.
 * What cannot succeed on a retry (a format we cannot decode, a missing or oversized object, no speech model) fails
 * the job at once with a reason the partner can read; anything else is left for the lease to expire and retried.
 */
public final class CallReviewWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallReviewWorker.class);

    /** Fewer than 20 words cannot show an opening, discovery and a close: same floor as the WhatsApp flow. */
    public static final int MIN_WORDS = 20;

    private final CallReviewJobs jobs;
    private final Recordings recordings;
    private final VoiceNotes calls;
    private final CallReviews reviews;
    private final PartnerAccounts accounts;
    private final Settings settings;
    private final Semaphore slots;
    private final ExecutorService workers;
    private final java.util.concurrent.ScheduledExecutorService poller;
    private final AtomicBoolean polling = new AtomicBoolean();

    /**
     * @param lease       how long a claimed job is this instance's; must outlast the slowest review (download,
     *                    recognition of the longest call, the model's timeout)
     * @param maxAttempts tries per job before it is failed (a job that kills its instance each time must end)
     */
    public record Settings(int concurrency, Duration lease, int maxAttempts, Duration pollEvery) {
        public Settings {
            if (concurrency < 1 || maxAttempts < 1 || lease.isNegative() || lease.isZero()) {
                throw new IllegalArgumentException("concurrency and maxAttempts must be positive, the lease longer than zero");
            }
        }
    }

    public CallReviewWorker(CallReviewJobs jobs, Recordings recordings, VoiceNotes calls, CallReviews reviews,
                            PartnerAccounts accounts, Settings settings) {
        this.jobs = jobs;
        this.recordings = recordings;
        this.calls = calls;
        this.reviews = reviews;
        this.accounts = accounts;
        this.settings = settings;
        this.slots = new Semaphore(settings.concurrency());
        this.workers = Executors.newFixedThreadPool(settings.concurrency(), daemon("call-review"));
        this.poller = Executors.newSingleThreadScheduledExecutor(daemon("call-review-poll"));
    }

    /** Polls for due jobs (new ones, and those of a dead instance) until closed. */
    public void start() {
        long every = settings.pollEvery().toMillis();
        poller.scheduleWithFixedDelay(this::wake, 0, every, TimeUnit.MILLISECONDS);
    }

    /** Claims as many jobs as there are free slots; called by the poller and right after a job is created. */
    public void wake() {
        if (!polling.compareAndSet(false, true)) {
            return;
        }
        try {
            while (slots.tryAcquire()) {
                Optional<CallReviewJobs.Claimed> claimed;
                try {
                    claimed = jobs.claim(settings.lease(), settings.maxAttempts());
                } catch (RuntimeException e) {
                    slots.release();
                    log.warn("call review jobs could not be claimed: {}", e.toString());
                    return;
                }
                if (claimed.isEmpty()) {
                    slots.release();
                    return;
                }
                CallReviewJobs.Claimed job = claimed.get();
                workers.execute(() -> {
                    try {
                        run(job);
                    } finally {
                        slots.release();
                    }
                });
            }
        } finally {
            polling.set(false);
        }
    }

    /** One job, start to end; public for tests that drive a job without the pollers. */
    public void run(CallReviewJobs.Claimed job) {
        long start = System.nanoTime();
        try {
            PartnerAccounts.Account partner = accounts.byId(job.partnerId()).orElse(null);
            if (partner == null) {
                jobs.fail(job, "the partner no longer exists");
                return;
            }
            String transcript = job.upload() == null ? job.transcript() : transcribe(job, partner);
            if (transcript == null || transcript.isBlank()) {
                jobs.fail(job, "no speech was heard in the recording");
                return;
            }
            if (transcript.strip().split("\\s+").length < MIN_WORDS) {
                jobs.fail(job, "the call is too short to review (fewer than " + MIN_WORDS + " words)");
                return;
            }
            PartnerProfile profile = partner.onboarded()
                    ? new PartnerProfile(partner.phone(), partner.name(), partner.language(), partner.city(), partner.products()) : null;
            CallReviews.CallReview review = reviews.review(new CallReviews.Request(new ConversationKey(Channel.WHATSAPP, partner.phone()),
                    profile, partner.language(), transcript.strip(), job.source()));
            if (jobs.complete(job, review)) {
                log.info("call review job {} done in {} ms (attempt {}, {})", job.id(), (System.nanoTime() - start) / 1_000_000,
                        job.attempt(), review.byModel() ? "model" : "rubric");
            } else {
                log.info("call review job {}: the lease ran out before it finished; another worker has it", job.id());
            }
        } catch (Rejected e) {
            log.info("call review job {} failed: {}", job.id(), e.getMessage());
            jobs.fail(job, e.getMessage());
        } catch (RuntimeException e) {
            // storage or database trouble: the job stays RUNNING until its lease expires, then it is tried again
            log.warn("call review job {} attempt {} broke; it is retried after its lease: {}", job.id(), job.attempt(), e.toString());
        }
    }

    private String transcribe(CallReviewJobs.Claimed job, PartnerAccounts.Account partner) {
        CallReviewJobs.Upload upload = job.upload();
        Recordings.Stored stored = recordings.head(upload.objectKey())
                .orElseThrow(() -> new Rejected("the recording is no longer in storage"));
        if (stored.sizeBytes() > upload.sizeBytes()) {
            throw new Rejected("the stored recording is larger than announced");
        }
        try {
            return calls.transcribe(new InboundMessage.Media(recordings.mediaUrl(upload.objectKey()), upload.contentType()),
                    partner.language(), List.of()).text();
        } catch (VoiceNoteException e) {
            throw new Rejected(switch (e.kind()) {
                case UNSUPPORTED -> "this audio format cannot be transcribed here (" + upload.contentType()
                        + "); upload OGG/Opus or WAV, or paste the transcript";
                case TOO_LONG -> "the recording is longer than this service reviews";
                case UNAVAILABLE -> "speech recognition is not available on this server; paste the transcript instead";
                case FAILED -> "the recording could not be decoded: " + e.getMessage();
            });
        }
    }

    /** A reason that will not change on a retry. */
    private static final class Rejected extends RuntimeException {
        Rejected(String message) {
            super(message);
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
        workers.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
