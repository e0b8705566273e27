package com.shisha.persistence.jdbc;

import com.shisha.core.ConversationKey;
import com.shisha.core.Language;
import com.shisha.core.journey.NextBestAction;
import com.shisha.core.journey.Nudges;
import com.shisha.core.pipeline.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

public class JdbcNudges implements Nudges {

    private static final String DUE = """
            select p.id, p.name, p.language, c.conversation_key, c.last_inbound_at, a.kind, a.text_en, a.text_hi
            from partners p
            join next_best_actions a on a.partner_id = p.id
            join conversations c on c.conversation_key = 'whatsapp:' || p.phone
            where p.onboarded_at is not null
              and c.opted_out_at is null
              and (cast(:since as timestamptz) is null or c.last_inbound_at >= cast(:since as timestamptz))
              and not exists (select 1 from nudges n where n.partner_id = p.id and n.day = :day)
            order by p.id
            limit :limit""";

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final TransactionTemplate transactions;

    /** The outbox must write through the same data source, so its insert joins the claim's transaction. */
    public JdbcNudges(JdbcClient jdbc, Outbox outbox, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    @Override
    public List<Candidate> due(LocalDate day, Instant lastInboundSince, int limit) {
        return jdbc.sql(DUE)
                .param("day", day)
                .param("since", lastInboundSince == null ? null : Timestamp.from(lastInboundSince))
                .param("limit", limit)
                .query((rs, n) -> {
                    Timestamp last = rs.getTimestamp("last_inbound_at");
                    return new Candidate(rs.getLong("id"), rs.getString("name"), Language.fromCode(rs.getString("language")),
                            ConversationKey.parse(rs.getString("conversation_key")), last == null ? null : last.toInstant(),
                            new NextBestAction(rs.getString("kind"), Map.of(), rs.getString("text_en"), rs.getString("text_hi")));
                })
                .list();
    }

    @Override
    public OptionalLong claimAndEnqueue(Nudge nudge) {
        return transactions.execute(tx -> {
            // the primary key (partner_id, day) decides the race between instances: the loser inserts nothing
            // and sends nothing; the winner's booking commits only together with its message
            int claimed = jdbc.sql("insert into nudges (partner_id, day, kind) values (:partner, :day, :kind) on conflict do nothing")
                    .param("partner", nudge.partnerId()).param("day", nudge.day()).param("kind", nudge.kind())
                    .update();
            if (claimed == 0) {
                return OptionalLong.empty();
            }
            long id = outbox.enqueueProactive(nudge.conversation(), null, nudge.body(), nudge.contentSid(), nudge.variables());
            jdbc.sql("update nudges set outbound_id = :id where partner_id = :partner and day = :day")
                    .param("id", id).param("partner", nudge.partnerId()).param("day", nudge.day())
                    .update();
            return OptionalLong.of(id);
        });
    }
}
