package com.shisha.web.api;

import com.shisha.core.coach.CallReviewJobs;
import com.shisha.core.coach.CallReviewWorker;
import com.shisha.core.coach.CallReviews;
import com.shisha.core.coach.Recordings;
import com.shisha.core.journey.Skill;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Call reviews from the app: a recording is uploaded straight to storage with a presigned PUT, confirmed, and
 * analysed by a durable job (the same review, and the same skill changes, as a recording sent on WhatsApp); or a
 * transcript is pasted. The partner polls the job. Ids of other partners are not found (404).
 */
@RestController
@RequestMapping(path = "/api/v1/call-reviews", produces = "application/json")
@Tag(name = "call reviews")
class CallReviewController {

    /** What phones record calls as; only OGG/Opus and WAV can be transcribed here, the others fail with a reason. */
    static final Map<String, String> TYPES = Map.of("audio/ogg", "ogg", "audio/mpeg", "mp3", "audio/mp4", "m4a",
            "audio/wav", "wav", "audio/webm", "webm");

    private final Me me;
    private final CallReviewJobs jobs;
    private final Recordings recordings;
    private final UploadSettings settings;
    private final ObjectProvider<CallReviewWorker> worker;

    CallReviewController(Me me, CallReviewJobs jobs, Recordings recordings, UploadSettings settings,
                         ObjectProvider<CallReviewWorker> worker) {
        this.me = me;
        this.jobs = jobs;
        this.recordings = recordings;
        this.settings = settings;
        this.worker = worker;
    }

    record UploadRequest(@NotBlank String contentType, @NotNull @Positive Long sizeBytes) {
    }

    record UploadTicket(String uploadId, String method, String url, Map<String, String> headers, Instant expiresAt,
                        long maxBytes) {
    }

    record TranscriptRequest(@NotBlank @Size(min = 40, max = 20_000) String text) {
    }

    record Accepted(String reviewId, String status) {
    }

    record Review(Map<String, Integer> scores, List<String> tips, Map<String, Integer> skillDeltas, boolean byModel) {
    }

    record ReviewView(String reviewId, String status, String source, String uploadId, String failure, Instant createdAt,
                      Instant finishedAt, Review review) {
    }

    @PostMapping(path = "/uploads", consumes = "application/json")
    @Operation(summary = "Ask for a presigned PUT URL for one call recording of this exact type and size")
    ResponseEntity<UploadTicket> startUpload(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId,
                                             @Valid @RequestBody UploadRequest body) {
        me.account(partnerId);
        String type = body.contentType().trim().toLowerCase(Locale.ROOT);
        String extension = TYPES.get(type);
        if (extension == null) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "contentType must be one of " + String.join(", ", TYPES.keySet().stream().sorted().toList()));
        }
        if (body.sizeBytes() > settings.maxBytes()) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large",
                    "a recording may have at most " + settings.maxBytes() + " bytes");
        }
        String key = "call-recordings/" + partnerId + "/" + UUID.randomUUID() + "." + extension;
        Recordings.PresignedPut put = recordings.presignPut(key, type, body.sizeBytes(), settings.urlValidity());
        CallReviewJobs.Upload upload = jobs.createUpload(partnerId, key, type, body.sizeBytes(), put.expiresAt());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new UploadTicket(upload.id(), "PUT", put.url(), put.headers(), put.expiresAt(), settings.maxBytes()));
    }

    @PostMapping("/uploads/{uploadId}/confirm")
    @Operation(summary = "The recording is uploaded: start its review (confirming again returns the same review)")
    ResponseEntity<Accepted> confirm(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId, @PathVariable String uploadId) {
        CallReviewJobs.Upload upload = jobs.upload(partnerId, uploadId).orElseThrow(() -> ApiException.notFound("upload"));
        Recordings.Stored stored = recordings.head(upload.objectKey()).orElseThrow(() -> new ApiException(HttpStatus.CONFLICT,
                "upload_missing", "nothing was uploaded yet: PUT the recording to the upload URL first"));
        // the signature already pins size and type; this catches a store that does not enforce them
        if (stored.sizeBytes() != upload.sizeBytes()) {
            throw new ApiException(HttpStatus.CONFLICT, "upload_mismatch", "the uploaded file has " + stored.sizeBytes()
                    + " bytes, not the " + upload.sizeBytes() + " announced");
        }
        CallReviewJobs.Job job = jobs.confirmUpload(partnerId, uploadId);
        wake();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(job.id(), job.status().name()));
    }

    @PostMapping(path = "/transcript", consumes = "application/json")
    @Operation(summary = "Review a pasted transcript (the same job path as a recording, without transcription)")
    ResponseEntity<Accepted> transcript(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId,
                                        @Valid @RequestBody TranscriptRequest body) {
        me.account(partnerId);
        CallReviewJobs.Job job = jobs.submitTranscript(partnerId, body.text().strip());
        wake();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(job.id(), job.status().name()));
    }

    @GetMapping("/{reviewId}")
    @Operation(summary = "A review's status and, once DONE, its scores, tips and skill changes")
    ReviewView get(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId, @PathVariable String reviewId) {
        CallReviewJobs.Job job = jobs.job(partnerId, reviewId).orElseThrow(() -> ApiException.notFound("call review"));
        return new ReviewView(job.id(), job.status().name(), job.source().name(), job.uploadId(), job.failure(),
                job.createdAt(), job.finishedAt(), job.review() == null ? null : view(job.review()));
    }

    private static Review view(CallReviews.CallReview review) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (CallReviews.Rubric item : CallReviews.Rubric.values()) {
            if (review.scores().containsKey(item)) {
                scores.put(item.name(), review.scores().get(item));
            }
        }
        Map<String, Integer> deltas = new LinkedHashMap<>();
        for (Skill skill : Skill.values()) {
            if (review.skillDeltas().containsKey(skill)) {
                deltas.put(skill.code(), review.skillDeltas().get(skill));
            }
        }
        return new Review(scores, review.tips(), deltas, review.byModel());
    }

    private void wake() {
        CallReviewWorker w = worker.getIfAvailable();
        if (w != null) {
            w.wake();
        }
    }
}
