package com.shisha.persistence.jdbc;

import com.shisha.core.journey.JourneyEffect;
import com.shisha.core.journey.JourneyUpdate;
import com.shisha.core.journey.NextBestAction;
import com.shisha.core.journey.Skill;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.util.List;

/**
 * Applies a turn's journey effects, then evaluates the badge and quest rules on the result. Runs inside the
 * turn's transaction: effects and awards commit together with the turn or not at all. Awards are inserted
 * with ON CONFLICT DO NOTHING and only rows actually inserted earn points and an announcement, so concurrent
 * turns of one partner (WhatsApp and the app at once) can never award a badge twice.
 */
final class JourneyEffectsWriter {

    /** How long a lead stays with a partner after they report progress on it. */
    static final String HOLD_AFTER_CONTACT = "interval '3 days'";

    private static final String AWARD = """
            with m as (%s),
            badges as (
                insert into partner_achievements (partner_id, code)
                select :p, a.code from achievements a, m where %s >= a.threshold
                on conflict do nothing returning code),
            quests_done as (
                insert into partner_quest_completions (partner_id, quest, week_start)
                select :p, q.code, %s from quests q, m where %s >= q.target
                on conflict do nothing returning quest),
            awarded as (
                select 'BADGE' as type, a.code, a.name_en, a.name_hi, a.points, a.sort
                from achievements a join badges b on b.code = a.code
                union all
                select 'QUEST', q.code, q.name_en, q.name_hi, q.points, 100 + q.sort
                from quests q join quests_done d on d.quest = q.code),
            pts as (
                update partners set points = points + (select sum(points) from awarded), updated_at = now()
                where id = :p and exists (select 1 from awarded))
            select type, code, name_en, name_hi, points from awarded order by sort"""
            .formatted(JourneySql.METRICS, JourneySql.BADGE_METRIC, JourneySql.WEEK_START, JourneySql.QUEST_METRIC);

    private final JdbcClient jdbc;
    private final Json json;

    JourneyEffectsWriter(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @return the badges and quests this turn unlocked, in display order */
    List<JourneyUpdate.Award> apply(JourneyUpdate update) {
        long p = update.partnerId();
        // one partner's journey writes go one at a time (WhatsApp and the app may race): attempt numbers and
        // the metrics the rules read are then always those of the committed history. One round trip: lock the
        // partner row, record today's activity, say whether today is new (a new day can extend the streak).
        Boolean newDay = jdbc.sql("""
                        with me as (select id from partners where id = :p for update),
                        day as (insert into partner_activity_days (partner_id, day)
                                select id, %s from me on conflict do nothing returning 1)
                        select (select count(*) from me) = 1 as found, exists (select 1 from day) as new_day"""
                        .formatted(JourneySql.TODAY))
                .param("p", p)
                .query((rs, n) -> {
                    if (!rs.getBoolean("found")) {
                        throw new IllegalStateException("partner " + p + " does not exist");
                    }
                    return rs.getBoolean("new_day");
                })
                .single();
        boolean metricsMove = newDay; // a new active day can extend the streak
        for (JourneyEffect effect : update.effects()) {
            metricsMove |= !(effect instanceof JourneyEffect.LeadsOffered || effect instanceof JourneyEffect.NextBestActionChosen
                    || effect instanceof JourneyEffect.CallToLead);
            if (effect instanceof JourneyEffect.QuizCompleted quiz) {
                quiz(p, quiz);
            } else if (effect instanceof JourneyEffect.LeadsOffered offered) {
                offered(p, offered);
            } else if (effect instanceof JourneyEffect.LeadOutcome outcome) {
                outcome(p, outcome);
            } else if (effect instanceof JourneyEffect.Follow follow) {
                jdbc.sql("insert into partner_following (follower_id, followee_id) values (:p, :f) on conflict do nothing")
                        .param("p", p).param("f", follow.followeeId()).update();
            } else if (effect instanceof JourneyEffect.Unfollow unfollow) {
                jdbc.sql("delete from partner_following where follower_id = :p and followee_id = :f")
                        .param("p", p).param("f", unfollow.followeeId()).update();
            } else if (effect instanceof JourneyEffect.NextBestActionChosen chosen) {
                nextBestAction(p, chosen.action());
            } else if (effect instanceof JourneyEffect.CallReviewed reviewed) {
                callReviewed(p, reviewed);
            } else if (effect instanceof JourneyEffect.CallToLead call) {
                jdbc.sql("""
                                insert into lead_calls (partner_id, lead_id, record, status, call_sid)
                                values (:p, :lead, :record, case when :sid::text is null then 'REQUESTED' else 'DIALLING' end, :sid)""")
                        .param("p", p).param("lead", call.leadId()).param("record", call.record()).param("sid", call.callSid())
                        .update();
            }
        }
        if (!metricsMove) {
            return List.of(); // showing leads or choosing a next action moves no metric a rule reads
        }
        List<JourneyUpdate.Award> awards = jdbc.sql(AWARD).param("p", p)
                .query((rs, n) -> new JourneyUpdate.Award(JourneyUpdate.AwardType.valueOf(rs.getString("type")),
                        rs.getString("code"), rs.getString("name_en"), rs.getString("name_hi"), rs.getInt("points")))
                .list();
        for (JourneyUpdate.Award award : awards) {
            if (award.type() == JourneyUpdate.AwardType.BADGE) {
                JdbcPushQueue.queueBadge(jdbc, p, award);
            }
        }
        return awards;
    }

    /** Stores the scores the dialog computed ({@link com.shisha.core.journey.SkillScoring}); the first run is also kept as the initial assessment. */
    private void quiz(long p, JourneyEffect.QuizCompleted quiz) {
        List<JourneyEffect.Answer> answers = quiz.answers();
        int correct = (int) answers.stream().filter(JourneyEffect.Answer::correct).count();
        long attempt = jdbc.sql("""
                        insert into quiz_attempts (partner_id, attempt_no, started_at, correct, total)
                        values (:p, (select coalesce(max(attempt_no), 0) + 1 from quiz_attempts where partner_id = :p),
                                :started, :correct, :total)
                        returning id""")
                .param("p", p).param("started", Timestamp.from(quiz.startedAt()))
                .param("correct", correct).param("total", answers.size())
                .query(Long.class).single();
        jdbc.sql("""
                        insert into quiz_answers (attempt_id, position, question_id, chosen, correct)
                        select :a, t.n, t.q, t.c, t.ok
                        from unnest(cast(:qs as text[]), cast(:cs as text[]), cast(:oks as boolean[])) with ordinality as t(q, c, ok, n)""")
                .param("a", attempt)
                .param("qs", answers.stream().map(JourneyEffect.Answer::questionId).toArray(String[]::new))
                .param("cs", answers.stream().map(a -> String.valueOf(a.chosen())).toArray(String[]::new))
                .param("oks", answers.stream().map(JourneyEffect.Answer::correct).toArray(Boolean[]::new))
                .update();
        String[] skills = quiz.newScores().keySet().stream().map(Skill::code).toArray(String[]::new);
        Integer[] scores = quiz.newScores().values().toArray(Integer[]::new);
        jdbc.sql("""
                        with run as (
                            select t.skill, t.score from unnest(cast(:skills as text[]), cast(:scores as int[])) as t(skill, score)),
                        initial as (
                            insert into initial_skill_assessments (partner_id, skill, score, level)
                            select :p, skill, score, least(5, score / 20 + 1) from run
                            on conflict do nothing)
                        insert into partner_skills (partner_id, skill, score, level)
                        select :p, skill, score, least(5, score / 20 + 1) from run
                        on conflict (partner_id, skill) do update set
                            previous_score = partner_skills.score,
                            score = excluded.score, level = excluded.level,
                            assessed_at = now()""")
                .param("p", p).param("skills", skills).param("scores", scores)
                .update();
    }

    /** Moves each reviewed skill by its delta; the level follows the score as after a quiz. */
    private void callReviewed(long p, JourneyEffect.CallReviewed reviewed) {
        if (reviewed.skillDeltas().isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into partner_skills (partner_id, skill, score, level)
                        select :p, t.skill, s.score, least(5, s.score / 20 + 1)
                        from unnest(cast(:skills as text[]), cast(:deltas as int[])) as t(skill, delta),
                             lateral (select greatest(0, least(100, :start + t.delta)) as score) s
                        on conflict (partner_id, skill) do update set
                            previous_score = partner_skills.score,
                            score = greatest(0, least(100, partner_skills.score + excluded.score - :start)),
                            level = least(5, greatest(0, least(100, partner_skills.score + excluded.score - :start)) / 20 + 1),
                            assessed_at = now()""")
                .param("p", p).param("start", JourneyEffect.CallReviewed.UNASSESSED_START)
                .param("skills", reviewed.skillDeltas().keySet().stream().map(Skill::code).toArray(String[]::new))
                .param("deltas", reviewed.skillDeltas().values().toArray(Integer[]::new))
                .update();
    }

    private void offered(long p, JourneyEffect.LeadsOffered offered) {
        jdbc.sql("""
                        insert into lead_events (lead_id, partner_id, kind)
                        select t.lead, :p, 'OFFERED' from unnest(cast(:ids as bigint[])) as t(lead)
                        where not exists (select 1 from lead_events e
                                          where e.lead_id = t.lead and e.partner_id = :p and e.kind = 'OFFERED')""")
                .param("p", p).param("ids", offered.leadIds().toArray(Long[]::new))
                .update();
    }

    /** The event, the lead's new state (closed, or held 3 more days) and a sale with its commission, in one statement. */
    private void outcome(long p, JourneyEffect.LeadOutcome outcome) {
        jdbc.sql("""
                        with event as (
                            insert into lead_events (lead_id, partner_id, kind, amount) values (:lead, :p, :kind, :amount)),
                        lead as (
                            update leads set status = case when :closes then 'CLOSED' else status end,
                                             reserved_until = case when :closes then reserved_until
                                                                   else greatest(reserved_until, now() + %s) end
                            where id = :lead and assigned_to = :p
                            returning id, product)
                        insert into sales (partner_id, lead_id, product, amount, commission)
                        select :p, l.id, l.product, :amount, round(:amount * c.rate_percent / 100 + c.flat_amount, 2)
                        from lead l join product_commissions c on c.product = l.product
                        where :sold
                        on conflict (lead_id) do nothing""".formatted(HOLD_AFTER_CONTACT))
                .param("lead", outcome.leadId()).param("p", p).param("kind", outcome.kind().name())
                .param("amount", outcome.amount())
                .param("closes", outcome.kind().closes())
                .param("sold", outcome.kind() == JourneyEffect.OutcomeKind.SOLD)
                .update();
    }

    private void nextBestAction(long p, NextBestAction action) {
        jdbc.sql("""
                        insert into next_best_actions (partner_id, kind, params, text_en, text_hi, computed_at)
                        values (:p, :kind, cast(:params as jsonb), :en, :hi, now())
                        on conflict (partner_id) do update set kind = excluded.kind, params = excluded.params,
                            text_en = excluded.text_en, text_hi = excluded.text_hi, computed_at = now()""")
                .param("p", p).param("kind", action.kind()).param("params", json.write(action.params()))
                .param("en", action.textEn()).param("hi", action.textHi())
                .update();
    }
}
