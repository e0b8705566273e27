package com.shisha.core.coach;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The app's call reviews as durable jobs: an upload is announced, confirmed into a job, and a worker claims the
 * job, reviews the call and completes it. Jobs of a crashed instance are claimed again once their lease runs out.
 * Every lookup takes the partner: another partner's ids are simply not found.
 */
public interface CallReviewJobs {

    enum Status { PENDING, RUNNING, DONE, FAILED }

    Upload createUpload(long partnerId, String objectKey, String contentType, long sizeBytes, Instant expiresAt);

    Optional<Upload> upload(long partnerId, String uploadId);

    /** The job of this upload, created on the first confirm; confirming again returns the same job. */
    Job confirmUpload(long partnerId, String uploadId);

    /** A job for a transcript the partner pasted: no audio to fetch or transcribe. */
    Job submitTranscript(long partnerId, String transcript);

    Optional<Job> job(long partnerId, String jobId);

    /**
     * Takes the oldest job that is pending, or running with an expired lease (its instance died), and leases it.
     * Jobs already tried {@code maxAttempts} times are failed instead of claimed.
     */
    Optional<Claimed> claim(Duration lease, int maxAttempts);

    /**
     * Stores the review, marks the job DONE and applies the review's skill deltas to the partner (a
     * {@code JourneyEffect.CallReviewed}, through the same writer as a WhatsApp turn) in one transaction.
     *
     * @return false when the claim was lost (the lease expired and another worker took the job): nothing written
     */
    boolean complete(Claimed job, CallReviews.CallReview review);

    /** @return false when the claim was lost */
    boolean fail(Claimed job, String reason);

    record Upload(String id, long partnerId, String objectKey, String contentType, long sizeBytes, Instant expiresAt) {
    }

    /** @param review the result once DONE; @param failure why, once FAILED */
    record Job(String id, long partnerId, Status status, CallReviews.Source source, String uploadId, String failure,
               CallReviews.CallReview review, Instant createdAt, Instant finishedAt) {
    }

    /** A leased job; {@code attempt} tells this claim from a later one of the same job. */
    record Claimed(String id, long partnerId, int attempt, CallReviews.Source source, String transcript, Upload upload) {
    }
}
