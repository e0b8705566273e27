package com.shisha.persistence.jdbc;

import com.shisha.core.companion.AppJourney;
import com.shisha.core.journey.JourneyEffect;
import com.shisha.core.journey.JourneyUpdate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The app's journey writes, through the dialogs' {@link JourneyEffectsWriter}: it locks the partner row first,
 * so an app write and a WhatsApp turn of one partner are serial, and awards stay exactly once.
 */
public class JdbcAppJourney implements AppJourney {

    /** The app shows awards itself, in its own words; the WhatsApp announcer has nothing to add. */
    private static final JourneyUpdate.Announcer NO_ANNOUNCEMENT = awards -> "";

    private static final RowMapper<QuizRun> RUN = (rs, n) -> new QuizRun(rs.getString("id"), rs.getLong("partner_id"),
            Arrays.asList((String[]) rs.getArray("question_ids").getArray()), rs.getTimestamp("started_at").toInstant(),
            rs.getString("chosen"), rs.getTimestamp("submitted_at") == null ? null : rs.getTimestamp("submitted_at").toInstant(),
            rs.getString("language") == null ? null : com.shisha.core.Language.fromCode(rs.getString("language")));

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JourneyEffectsWriter writer;

    public JdbcAppJourney(JdbcClient jdbc, Json json, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.writer = new JourneyEffectsWriter(jdbc, json);
    }

    @Override
    public List<JourneyUpdate.Award> apply(long partnerId, List<JourneyEffect> effects) {
        return tx.execute(status -> writer.apply(new JourneyUpdate(partnerId, effects, NO_ANNOUNCEMENT)));
    }

    @Override
    public QuizRun startQuiz(long partnerId, List<String> questionIds, com.shisha.core.Language language) {
        return jdbc.sql("""
                        insert into api_quiz_runs (id, partner_id, question_ids, language) values (:id, :p, cast(:qs as text[]), :lang)
                        returning id, partner_id, question_ids, started_at, chosen, submitted_at, language""")
                .param("id", UUID.randomUUID().toString()).param("p", partnerId).param("lang", language.code())
                .param("qs", questionIds.toArray(String[]::new))
                .query(RUN).single();
    }

    @Override
    public Optional<QuizRun> quizRun(long partnerId, String runId) {
        return jdbc.sql("select id, partner_id, question_ids, started_at, chosen, submitted_at, language from api_quiz_runs where id = :id and partner_id = :p")
                .param("id", runId).param("p", partnerId).query(RUN).optional();
    }

    @Override
    public Optional<List<JourneyUpdate.Award>> submitQuiz(long partnerId, String runId, String chosenLetters,
                                                            JourneyEffect.QuizCompleted completed) {
        return tx.execute(status -> {
            int claimed = jdbc.sql("""
                            update api_quiz_runs set chosen = :chosen, submitted_at = now()
                            where id = :id and partner_id = :p and submitted_at is null""")
                    .param("chosen", chosenLetters).param("id", runId).param("p", partnerId).update();
            if (claimed == 0) {
                return Optional.empty();
            }
            return Optional.of(writer.apply(new JourneyUpdate(partnerId, List.of(completed), NO_ANNOUNCEMENT)));
        });
    }

    @Override
    public List<Achievement> achievements(long partnerId) {
        return jdbc.sql("""
                        select a.code, a.name_en, a.name_hi, a.metric, a.threshold, a.points, pa.awarded_at
                        from achievements a left join partner_achievements pa on pa.code = a.code and pa.partner_id = :p
                        order by a.sort""")
                .param("p", partnerId)
                .query((rs, n) -> new Achievement(rs.getString("code"), rs.getString("name_en"), rs.getString("name_hi"),
                        rs.getString("metric"), rs.getInt("threshold"), rs.getInt("points"),
                        rs.getTimestamp("awarded_at") == null ? null : rs.getTimestamp("awarded_at").toInstant()))
                .list();
    }

    @Override
    public Page<QuizAttempt> quizAttempts(long partnerId, int page, int size) {
        long total = jdbc.sql("select count(*) from quiz_attempts where partner_id = :p").param("p", partnerId)
                .query(Long.class).single();
        List<QuizAttempt> items = jdbc.sql("""
                        select attempt_no, correct, total, started_at, finished_at from quiz_attempts
                        where partner_id = :p order by attempt_no desc limit :size offset :offset""")
                .param("p", partnerId).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new QuizAttempt(rs.getInt("attempt_no"), rs.getInt("correct"), rs.getInt("total"),
                        rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("finished_at").toInstant()))
                .list();
        return new Page<>(items, page, size, total);
    }
}
