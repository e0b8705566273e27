package com.shisha.persistence.jdbc;

import com.shisha.core.Language;
import com.shisha.core.call.LeadCalls;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public class JdbcLeadCalls implements LeadCalls {

    private static final String SELECT = """
            select c.id, c.partner_id, p.phone as partner_phone, p.language, c.lead_id, l.name as lead_name,
                   l.phone as lead_phone, c.record, c.status, c.call_sid, c.requested_at, c.ended_at, c.seconds
              from lead_calls c join partners p on p.id = c.partner_id join leads l on l.id = c.lead_id
            """;

    private final JdbcClient jdbc;

    public JdbcLeadCalls(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<LeadCall> claimRequested(int max) {
        List<Long> ids = jdbc.sql("""
                        update lead_calls set status = 'DIALLING' where id in (
                            select id from lead_calls where status = 'REQUESTED' order by requested_at
                            limit :max for update skip locked)
                        returning id""")
                .param("max", max).query(Long.class).list();
        return ids.isEmpty() ? List.of() : jdbc.sql(SELECT + " where c.id in (:ids) order by c.requested_at")
                .param("ids", ids).query(JdbcLeadCalls::row).list();
    }

    @Override
    public void dialled(long id, String callSid) {
        jdbc.sql("update lead_calls set call_sid = :sid where id = :id").param("sid", callSid).param("id", id).update();
    }

    @Override
    public void failed(long id, String why) {
        jdbc.sql("update lead_calls set status = 'FAILED', failure = :why, ended_at = coalesce(ended_at, now()) where id = :id")
                .param("why", why).param("id", id).update();
    }

    @Override
    public Optional<LeadCall> find(long id) {
        return jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(JdbcLeadCalls::row).optional();
    }

    @Override
    public Optional<LeadCall> waitingOn(String callSid) {
        return jdbc.sql(SELECT + " where c.call_sid = :sid and c.status = 'DIALLING'").param("sid", callSid)
                .query(JdbcLeadCalls::row).optional();
    }

    @Override
    public void bridged(long id) {
        jdbc.sql("update lead_calls set status = 'BRIDGED' where id = :id and status = 'DIALLING'").param("id", id).update();
    }

    @Override
    public boolean ended(long id, Instant at, int seconds, boolean connected) {
        return jdbc.sql("""
                        update lead_calls set status = case when :connected then 'ENDED' else 'FAILED' end,
                               failure = case when :connected then null else 'the lead did not answer' end,
                               ended_at = :at, seconds = :seconds
                         where id = :id and status in ('DIALLING', 'BRIDGED')""")
                .param("connected", connected).param("at", Timestamp.from(at)).param("seconds", seconds).param("id", id)
                .update() == 1;
    }

    @Override
    public boolean recorded(long id, String recordingUrl) {
        return jdbc.sql("update lead_calls set recording_url = :url where id = :id and recording_url is null")
                .param("url", recordingUrl).param("id", id).update() == 1;
    }

    @Override
    public List<LeadCall> history(long partnerId, int max) {
        return jdbc.sql(SELECT + " where c.partner_id = :p order by c.requested_at desc limit :max")
                .param("p", partnerId).param("max", max).query(JdbcLeadCalls::row).list();
    }

    private static LeadCall row(ResultSet rs, int n) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        Integer seconds = rs.getObject("seconds", Integer.class);
        return new LeadCall(rs.getLong("id"), rs.getLong("partner_id"), rs.getString("partner_phone"),
                Language.fromCode(rs.getString("language")), rs.getLong("lead_id"), rs.getString("lead_name"),
                rs.getString("lead_phone"), rs.getBoolean("record"), Status.valueOf(rs.getString("status")),
                rs.getString("call_sid"), rs.getTimestamp("requested_at").toInstant(), ended == null ? null : ended.toInstant(),
                seconds);
    }
}
