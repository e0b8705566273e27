package com.shisha.persistence.jdbc;

/** SQL shared by journey reads and writes: the per-partner metrics that badges, quests and progress rest on. */
final class JourneySql {

    private JourneySql() {
    }

    /** Today and the start of this week (Monday) in India time: streaks, quests and "this month" are Indian days. */
    static final String TODAY = "(now() at time zone 'Asia/Kolkata')::date";
    static final String WEEK_START = "date_trunc('week', now() at time zone 'Asia/Kolkata')::date";
    static final String WEEK_START_TS = "(date_trunc('week', now() at time zone 'Asia/Kolkata') at time zone 'Asia/Kolkata')";
    static final String MONTH_START_TS = "(date_trunc('month', now() at time zone 'Asia/Kolkata') at time zone 'Asia/Kolkata')";

    /**
     * One row of metrics for partner :p. A lead counts as contacted once, whatever outcomes follow. The streak
     * is the run of consecutive active days ending today (or yesterday, when today has no activity yet): the
     * n-th most recent day must be exactly n-1 days before the anchor.
     */
    static final String METRICS = """
            select
              (select count(*) from quiz_attempts where partner_id = :p) as quizzes,
              (select count(distinct lead_id) from lead_events where partner_id = :p and kind <> 'OFFERED') as leads_contacted,
              (select count(*) from sales where partner_id = :p) as sales,
              (select count(*) from partner_skills s join initial_skill_assessments i
                   on i.partner_id = s.partner_id and i.skill = s.skill
                where s.partner_id = :p and s.level > i.level) as skill_level_ups,
              (select count(*) from partner_following where followee_id = :p) as followers,
              (select count(*) from (select day, row_number() over (order by day desc) as rn
                                     from partner_activity_days where partner_id = :p) d,
                                    (select max(day) as anchor from partner_activity_days
                                     where partner_id = :p and day >= %1$s - 1) a
                where d.day = a.anchor - (d.rn - 1)::int) as streak_days,
              (select count(*) from quiz_attempts where partner_id = :p and finished_at >= %2$s) as week_quizzes,
              (select count(distinct lead_id) from lead_events
                where partner_id = :p and kind <> 'OFFERED' and at >= %2$s) as week_leads_contacted,
              (select count(*) from sales where partner_id = :p and sold_at >= %2$s) as week_sales
            """.formatted(TODAY, WEEK_START_TS);

    static final String BADGE_METRIC = """
            case a.metric when 'quizzes' then m.quizzes when 'leads_contacted' then m.leads_contacted
                          when 'sales' then m.sales when 'streak_days' then m.streak_days
                          when 'skill_level_ups' then m.skill_level_ups when 'followers' then m.followers end""";

    static final String QUEST_METRIC = """
            case q.metric when 'quizzes' then m.week_quizzes when 'leads_contacted' then m.week_leads_contacted
                          when 'sales' then m.week_sales end""";
}
