package com.shisha.persistence.jdbc;

import com.shisha.core.pipeline.TurnStats;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;

/** Percentiles over inbound_messages x outbound_messages: received_at to the first reply's created_at. */
public class JdbcTurnStats implements TurnStats {

    static final String SUMMARY = """
            with t as (
                select extract(epoch from (min(o.created_at) - i.received_at)) * 1000 as ms
                from inbound_messages i join outbound_messages o on o.inbound_id = i.id
                where i.received_at >= :since and i.received_at < :until
                  -- a reply is created after its message: this bound lets the replies be read by
                  -- their block range index too, not the whole table (the minute allows for clock skew
                  -- between the instance that stamped received_at and the database)
                  and o.created_at >= cast(:since as timestamptz) - interval '1 minute'
                group by i.id, i.received_at)
            select count(*) as turns,
                   coalesce(percentile_cont(0.50) within group (order by ms), 0) as p50,
                   coalesce(percentile_cont(0.95) within group (order by ms), 0) as p95,
                   coalesce(percentile_cont(0.99) within group (order by ms), 0) as p99,
                   coalesce(max(ms), 0) as max
            from t""";

    private final JdbcClient jdbc;

    public JdbcTurnStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Summary summary(Instant since, Instant until) {
        return jdbc.sql(SUMMARY)
                .param("since", Timestamp.from(since))
                .param("until", Timestamp.from(until))
                .query((rs, n) -> new Summary(rs.getLong("turns"), rs.getDouble("p50"), rs.getDouble("p95"),
                        rs.getDouble("p99"), rs.getDouble("max")))
                .single();
    }
}
