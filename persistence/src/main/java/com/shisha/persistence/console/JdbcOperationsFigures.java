package com.shisha.persistence.console;

import com.shisha.core.console.OperationsFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures in a handful of indexed reads; callers sample them every few seconds, never per request. */
@Component
class JdbcOperationsFigures implements OperationsFigures {

    private final JdbcClient jdbc;

    JdbcOperationsFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Snapshot now() {
        long inbox = jdbc.sql("select count(*) from inbound_messages where processed_at is null").query(Long.class).single();
        Map<String, Object> outbox = jdbc.sql("""
                        select count(*) as waiting,
                               coalesce(extract(epoch from now() - min(next_attempt_at)), 0) as lag
                        from outbound_messages where status in ('PENDING', 'SENDING')""").query().singleRow();
        Map<String, Object> failures = jdbc.sql("""
                        select count(*) filter (where status = 'FAILED') as failed,
                               count(*) filter (where delivery_error_code is not null) as undelivered
                        from outbound_messages
                        where (status = 'FAILED' or delivery_error_code is not null) and updated_at > now() - interval '1 hour'""").query().singleRow();
        Map<String, Long> handoffs = new LinkedHashMap<>();
        jdbc.sql("select state, count(*) as n from handoffs where state <> 'RETURNED' group by state")
                .query((rs, n) -> handoffs.put(rs.getString("state"), rs.getLong("n"))).list();
        return new Snapshot(Instant.now(), inbox, ((Number) outbox.get("waiting")).longValue(),
                Math.max(0, ((Number) outbox.get("lag")).doubleValue()), ((Number) failures.get("failed")).longValue(),
                ((Number) failures.get("undelivered")).longValue(), handoffs.getOrDefault("WAITING", 0L),
                handoffs.getOrDefault("WITH_AGENT", 0L));
    }

    @Override
    public List<Slice> timeline(Duration span, Duration slice) {
        long sliceSeconds = Math.max(60, slice.toSeconds());
        Instant end = Instant.ofEpochSecond((Instant.now().getEpochSecond() / sliceSeconds + 1) * sliceSeconds);
        Instant start = end.minusSeconds((Math.max(sliceSeconds, span.toSeconds()) / sliceSeconds) * sliceSeconds);
        Map<Instant, long[]> counts = new LinkedHashMap<>();
        Map<Instant, Double> p95 = new LinkedHashMap<>();
        for (Instant t = start; t.isBefore(end); t = t.plusSeconds(sliceSeconds)) {
            counts.put(t, new long[2]);
            p95.put(t, 0.0);
        }
        String bin = "to_timestamp(floor(extract(epoch from %s) / :slice) * :slice)";
        jdbc.sql("select " + bin.formatted("received_at") + """
                         as slice, count(*) as n,
                        coalesce(percentile_cont(0.95) within group (order by extract(epoch from processed_at - received_at) * 1000), 0) as p95
                        from inbound_messages where received_at >= :start and received_at < :end group by 1""")
                .param("slice", sliceSeconds).param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                .query((rs, n) -> {
                    Instant at = rs.getTimestamp("slice").toInstant();
                    if (counts.containsKey(at)) {
                        counts.get(at)[0] = rs.getLong("n");
                        p95.put(at, rs.getDouble("p95"));
                    }
                    return at;
                }).list();
        jdbc.sql("select " + bin.formatted("created_at") + """
                         as slice, count(*) as n
                        from outbound_messages where created_at >= :start and created_at < :end group by 1""")
                .param("slice", sliceSeconds).param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                .query((rs, n) -> {
                    Instant at = rs.getTimestamp("slice").toInstant();
                    if (counts.containsKey(at)) {
                        counts.get(at)[1] = rs.getLong("n");
                    }
                    return at;
                }).list();
        List<Slice> slices = new ArrayList<>();
        counts.forEach((at, n) -> slices.add(new Slice(at, n[0], n[1], p95.get(at))));
        return slices;
    }
}
