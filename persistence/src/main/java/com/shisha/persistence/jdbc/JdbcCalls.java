package com.shisha.persistence.jdbc;

import com.shisha.core.ConversationKey;
import com.shisha.core.Language;
import com.shisha.core.call.Calls;
import com.shisha.core.dialog.Choices;
import com.shisha.core.dialog.ConversationState;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public class JdbcCalls implements Calls {

    private final JdbcClient jdbc;
    private final Json json = new Json();

    public JdbcCalls(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Caller> caller(ConversationKey conversation) {
        Optional<Caller> partner = jdbc.sql("select name, language from partners where phone = :phone and onboarded_at is not null")
                .param("phone", conversation.address())
                .query((rs, n) -> new Caller(rs.getString("name"), Language.fromCode(rs.getString("language")))).optional();
        if (partner.isPresent()) {
            return partner;
        }
        return jdbc.sql("select language from conversations where conversation_key = :key and step is not null")
                .param("key", conversation.value())
                .query((rs, n) -> new Caller(null, Language.fromCode(rs.getString("language")))).optional();
    }

    @Override
    public void started(String sid, ConversationKey conversation, Direction direction, Instant at) {
        // the conversation row may not exist yet (a stranger's first call): the inbox creates it the same way
        jdbc.sql("""
                        insert into conversations (conversation_key, channel, address) values (:key, :channel, :address)
                        on conflict (conversation_key) do nothing""")
                .param("key", conversation.value()).param("channel", conversation.channel().name())
                .param("address", conversation.address()).update();
        jdbc.sql("""
                        insert into calls (sid, conversation_key, direction, started_at) values (:sid, :key, :direction, :at)
                        on conflict (sid) do nothing""")
                .param("sid", sid).param("key", conversation.value()).param("direction", direction.name())
                .param("at", Timestamp.from(at)).update();
    }

    @Override
    public Optional<Call> find(String sid) {
        return jdbc.sql("select sid, conversation_key, direction, started_at, ended_at from calls where sid = :sid")
                .param("sid", sid).query(JdbcCalls::call).optional();
    }

    private static Call call(ResultSet rs, int n) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new Call(rs.getString("sid"), ConversationKey.parse(rs.getString("conversation_key")),
                Direction.valueOf(rs.getString("direction")), rs.getTimestamp("started_at").toInstant(),
                ended == null ? null : ended.toInstant());
    }

    @Override
    public void turnTaken(String sid, String turnId) {
        jdbc.sql("insert into call_turns (turn_id, call_sid) values (:turn, :sid) on conflict (turn_id) do nothing")
                .param("turn", turnId).param("sid", sid).update();
    }

    @Override
    public Optional<Answer> answer(String turnId) {
        Optional<Processed> processed = jdbc.sql("""
                        select i.id, c.conversation_key, c.step, c.slots::text as slots, c.language, c.opted_out_at, c.version
                          from inbound_messages i join conversations c on c.conversation_key = i.conversation_key
                         where i.provider_message_id = :turn and i.processed_at is not null""")
                .param("turn", turnId)
                .query((rs, n) -> new Processed(rs.getLong("id"), new ConversationState(
                        ConversationKey.parse(rs.getString("conversation_key")), rs.getString("step"),
                        json.readSlots(rs.getString("slots")), Language.fromCode(rs.getString("language")),
                        rs.getTimestamp("opted_out_at") != null, rs.getLong("version"))))
                .optional();
        if (processed.isEmpty()) {
            return Optional.empty();
        }
        List<String> replies = new ArrayList<>();
        Choices[] last = {null};
        jdbc.sql("select body, choices::text as choices from outbound_messages where inbound_id = :id order by id")
                .param("id", processed.get().inboundId())
                .query(rs -> {
                    replies.add(rs.getString("body"));
                    last[0] = json.readChoices(rs.getString("choices"));
                });
        return Optional.of(new Answer(replies, last[0], processed.get().state()));
    }

    private record Processed(long inboundId, ConversationState state) {
    }

    @Override
    public void heard(String turnId) {
        jdbc.sql("update call_turns set heard_at = coalesce(heard_at, now()) where turn_id = :turn").param("turn", turnId).update();
    }

    @Override
    public Optional<Heard> heardOf(long outboxId) {
        return jdbc.sql("""
                        select t.heard_at, c.sid, c.conversation_key, c.direction, c.started_at, c.ended_at
                          from outbound_messages o
                          join inbound_messages i on i.id = o.inbound_id
                          join call_turns t on t.turn_id = i.provider_message_id
                          join calls c on c.sid = t.call_sid
                         where o.id = :id""")
                .param("id", outboxId)
                .query((rs, n) -> new Heard(rs.getTimestamp("heard_at") != null, call(rs, n)))
                .optional();
    }

    @Override
    public void ended(String sid, Instant at) {
        jdbc.sql("update calls set ended_at = coalesce(ended_at, :at) where sid = :sid")
                .param("sid", sid).param("at", Timestamp.from(at)).update();
    }
}
