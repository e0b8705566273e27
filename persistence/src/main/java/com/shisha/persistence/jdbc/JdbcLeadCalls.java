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
                   l.phone as lead_phone, l.product, c.record, c.status, c.call_sid, c.requested_at, c.ended_at, c.seconds
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
        jdbc.sql("update lead_calls set call_sid = :sid where id = :id and (call_sid is null or call_sid = :sid)")
                .param("sid", callSid).param("id", id).update();
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

    @Override
    public void utterance(long callId, int seq, Utterance utterance) {
        jdbc.sql("""
                        insert into lead_call_utterances (call_id, seq, speaker, at_ms, words) values (:c, :seq, :speaker, :at, :words)
                        on conflict do nothing""")
                .param("c", callId).param("seq", seq).param("speaker", utterance.speaker().name())
                .param("at", (int) Math.min(Integer.MAX_VALUE, utterance.atMillis())).param("words", utterance.words()).update();
    }

    @Override
    public Tip tip(long callId, TipKind kind, String heard, String text, String source, long atMillis) {
        long id = jdbc.sql("""
                        insert into lead_call_tips (call_id, kind, heard, tip, source, at_ms) values (:c, :kind, :heard, :tip, :source, :at)
                        returning id""")
                .param("c", callId).param("kind", kind.name()).param("heard", heard).param("tip", text).param("source", source)
                .param("at", (int) Math.min(Integer.MAX_VALUE, atMillis)).query(Long.class).single();
        return new Tip(id, callId, kind, heard, text, source, atMillis, null);
    }

    @Override
    public boolean feedback(long partnerId, long tipId, boolean useful) {
        return jdbc.sql("""
                        update lead_call_tips t set useful = :useful from lead_calls c
                         where t.id = :id and c.id = t.call_id and c.partner_id = :p""")
                .param("useful", useful).param("id", tipId).param("p", partnerId).update() == 1;
    }

    @Override
    public void summarise(long callId, String summary) {
        jdbc.sql("update lead_calls set summary = :s where id = :id").param("s", summary).param("id", callId).update();
    }

    @Override
    public Optional<Detail> detail(long partnerId, long callId) {
        Optional<LeadCall> call = find(callId).filter(c -> c.partnerId() == partnerId);
        if (call.isEmpty()) {
            return Optional.empty();
        }
        String summary = jdbc.sql("select summary from lead_calls where id = :id").param("id", callId).query(String.class).optional()
                .orElse(null);
        List<Utterance> transcript = jdbc.sql("select speaker, words, at_ms from lead_call_utterances where call_id = :c order by seq")
                .param("c", callId)
                .query((rs, n) -> new Utterance(Speaker.valueOf(rs.getString("speaker")), rs.getString("words"), rs.getInt("at_ms")))
                .list();
        List<Tip> tips = jdbc.sql("select id, kind, heard, tip, source, at_ms, useful from lead_call_tips where call_id = :c order by id")
                .param("c", callId)
                .query((rs, n) -> new Tip(rs.getLong("id"), callId, TipKind.valueOf(rs.getString("kind")), rs.getString("heard"),
                        rs.getString("tip"), rs.getString("source"), rs.getInt("at_ms"), rs.getObject("useful", Boolean.class)))
                .list();
        return Optional.of(new Detail(call.get(), summary, transcript, tips));
    }

    @Override
    public List<LeadCall> search(long partnerId, String query, int max) {
        List<String> words = java.util.Arrays.stream(query.toLowerCase(java.util.Locale.ROOT).split("\\s+"))
                .filter(w -> !w.isBlank()).limit(8).map(w -> "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .toList();
        if (words.isEmpty()) {
            return history(partnerId, max);
        }
        // every word somewhere in what is known of the call: the lead's name, its summary, its transcript, its tips
        return jdbc.sql(SELECT + """
                         where c.partner_id = :p and (
                               select bool_and(lower(l.name || ' ' || coalesce(c.summary, '') || ' '
                                      || coalesce((select string_agg(u.words, ' ') from lead_call_utterances u where u.call_id = c.id), '')
                                      || ' ' || coalesce((select string_agg(t.tip, ' ') from lead_call_tips t where t.call_id = c.id), ''))
                                      like w)
                                 from unnest(cast(:words as text[])) as w)
                         order by c.requested_at desc limit :max""")
                .param("p", partnerId).param("words", words.toArray(new String[0])).param("max", max)
                .query(JdbcLeadCalls::row).list();
    }

    private static LeadCall row(ResultSet rs, int n) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        Integer seconds = rs.getObject("seconds", Integer.class);
        return new LeadCall(rs.getLong("id"), rs.getLong("partner_id"), rs.getString("partner_phone"),
                Language.fromCode(rs.getString("language")), rs.getLong("lead_id"), rs.getString("lead_name"),
                rs.getString("lead_phone"), com.shisha.core.Product.valueOf(rs.getString("product")), rs.getBoolean("record"), Status.valueOf(rs.getString("status")),
                rs.getString("call_sid"), rs.getTimestamp("requested_at").toInstant(), ended == null ? null : ended.toInstant(),
                seconds);
    }
}
