package com.shisha.persistence.jdbc;

import com.shisha.core.coach.CallReviewJobs;
import com.shisha.core.coach.CallReviews;
import com.shisha.core.journey.JourneyEffect;
import com.shisha.core.journey.JourneyUpdate;
import com.shisha.core.journey.Skill;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Call-review uploads and jobs in PostgreSQL (call_review_uploads, call_review_jobs). */
public class JdbcCallReviewJobs implements CallReviewJobs {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final JourneyUpdate.Announcer NO_ANNOUNCEMENT = awards -> "";

    private static final String JOB_COLUMNS = "id, partner_id, status, source, upload_id, failure, review::text as review, created_at, finished_at";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JourneyEffectsWriter writer;

    public JdbcCallReviewJobs(JdbcClient jdbc, Json json, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.writer = new JourneyEffectsWriter(jdbc, json);
    }

    /** The review as stored in the job's JSON column. */
    record StoredReview(String reviewId, Map<CallReviews.Rubric, Integer> scores, List<String> tips,
                        Map<Skill, Integer> skillDeltas, boolean byModel) {
    }

    private static final RowMapper<Upload> UPLOAD = (rs, n) -> new Upload(rs.getString("id"), rs.getLong("partner_id"),
            rs.getString("object_key"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getTimestamp("expires_at").toInstant());

    private static final RowMapper<Job> JOB = (rs, n) -> new Job(rs.getString("id"), rs.getLong("partner_id"),
            Status.valueOf(rs.getString("status")), CallReviews.Source.valueOf(rs.getString("source")), rs.getString("upload_id"),
            rs.getString("failure"), review(rs.getString("review")), instant(rs, "created_at"), instant(rs, "finished_at"));

    @Override
    public Upload createUpload(long partnerId, String objectKey, String contentType, long sizeBytes, Instant expiresAt) {
        return jdbc.sql("""
                        insert into call_review_uploads (id, partner_id, object_key, content_type, size_bytes, expires_at)
                        values (:id, :p, :key, :type, :size, :expires)
                        returning id, partner_id, object_key, content_type, size_bytes, expires_at""")
                .param("id", UUID.randomUUID().toString()).param("p", partnerId).param("key", objectKey)
                .param("type", contentType).param("size", sizeBytes).param("expires", Timestamp.from(expiresAt))
                .query(UPLOAD).single();
    }

    @Override
    public Optional<Upload> upload(long partnerId, String uploadId) {
        return jdbc.sql("select id, partner_id, object_key, content_type, size_bytes, expires_at from call_review_uploads where id = :id and partner_id = :p")
                .param("id", uploadId).param("p", partnerId).query(UPLOAD).optional();
    }

    @Override
    public Job confirmUpload(long partnerId, String uploadId) {
        // insert-or-read in one statement: a double confirm (a retried request) never makes two jobs
        jdbc.sql("""
                        insert into call_review_jobs (id, partner_id, upload_id, source)
                        select :id, partner_id, id, 'APP_UPLOAD' from call_review_uploads where id = :upload and partner_id = :p
                        on conflict (upload_id) do nothing""")
                .param("id", UUID.randomUUID().toString()).param("upload", uploadId).param("p", partnerId).update();
        return jdbc.sql("select " + JOB_COLUMNS + " from call_review_jobs where upload_id = :upload and partner_id = :p")
                .param("upload", uploadId).param("p", partnerId).query(JOB).single();
    }

    @Override
    public Job submitTranscript(long partnerId, String transcript) {
        return jdbc.sql("insert into call_review_jobs (id, partner_id, source, transcript) values (:id, :p, 'PASTED_TRANSCRIPT', :t) returning " + JOB_COLUMNS)
                .param("id", UUID.randomUUID().toString()).param("p", partnerId).param("t", transcript).query(JOB).single();
    }

    @Override
    public Optional<Job> job(long partnerId, String jobId) {
        return jdbc.sql("select " + JOB_COLUMNS + " from call_review_jobs where id = :id and partner_id = :p")
                .param("id", jobId).param("p", partnerId).query(JOB).optional();
    }

    @Override
    public Optional<Claimed> claim(Duration lease, int maxAttempts) {
        // a job that was claimed maxAttempts times and never finished (each try crashed its instance or broke) ends here
        jdbc.sql("""
                        update call_review_jobs set status = 'FAILED', finished_at = now(), lease_until = null,
                            failure = 'the review could not be completed after ' || attempts || ' attempts'
                        where status = 'RUNNING' and lease_until < now() and attempts >= :max""")
                .param("max", maxAttempts).update();
        return jdbc.sql("""
                        with next as (
                            select id from call_review_jobs
                            where status = 'PENDING' or (status = 'RUNNING' and lease_until < now())
                            order by created_at limit 1
                            for update skip locked)
                        update call_review_jobs j set status = 'RUNNING', attempts = j.attempts + 1,
                            lease_until = now() + make_interval(secs => :lease)
                        from next where j.id = next.id
                        returning j.id, j.partner_id, j.attempts, j.source, j.transcript, j.upload_id""")
                .param("lease", (double) lease.toMillis() / 1000)
                .query((rs, n) -> new Object[]{rs.getString("id"), rs.getLong("partner_id"), rs.getInt("attempts"),
                        rs.getString("source"), rs.getString("transcript"), rs.getString("upload_id")})
                .optional()
                .map(r -> new Claimed((String) r[0], (Long) r[1], (Integer) r[2], CallReviews.Source.valueOf((String) r[3]),
                        (String) r[4], r[5] == null ? null : upload((Long) r[1], (String) r[5]).orElseThrow()));
    }

    @Override
    public boolean complete(Claimed job, CallReviews.CallReview review) {
        StoredReview stored = new StoredReview(review.reviewId(), review.scores(), review.tips(), review.skillDeltas(), review.byModel());
        return Boolean.TRUE.equals(tx.execute(status -> {
            // the claim guard: a worker whose lease ran out and whose job was taken by another writes nothing
            int done = jdbc.sql("""
                            update call_review_jobs set status = 'DONE', review = cast(:review as jsonb), finished_at = now(),
                                lease_until = null
                            where id = :id and status = 'RUNNING' and attempts = :attempt""")
                    .param("review", MAPPER.writeValueAsString(stored)).param("id", job.id()).param("attempt", job.attempt())
                    .update();
            if (done == 0) {
                return false;
            }
            if (!review.skillDeltas().isEmpty()) {
                writer.apply(new JourneyUpdate(job.partnerId(),
                        List.of(new JourneyEffect.CallReviewed(review.reviewId(), review.skillDeltas())), NO_ANNOUNCEMENT));
            }
            return true;
        }));
    }

    @Override
    public boolean fail(Claimed job, String reason) {
        return jdbc.sql("""
                        update call_review_jobs set status = 'FAILED', failure = :reason, finished_at = now(), lease_until = null
                        where id = :id and status = 'RUNNING' and attempts = :attempt""")
                .param("reason", reason).param("id", job.id()).param("attempt", job.attempt()).update() == 1;
    }

    private static CallReviews.CallReview review(String text) {
        if (text == null) {
            return null;
        }
        StoredReview r = MAPPER.readValue(text, StoredReview.class);
        return new CallReviews.CallReview(r.reviewId(), r.scores() == null ? Map.of() : r.scores(),
                r.tips() == null ? List.of() : r.tips(), r.skillDeltas() == null ? Map.of() : r.skillDeltas(), r.byModel());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
