package com.shisha.persistence.jdbc;

import com.shisha.core.ConversationKey;
import com.shisha.core.Language;
import com.shisha.core.PartnerProfile;
import com.shisha.core.Product;
import com.shisha.core.dialog.ConversationState;
import com.shisha.core.dialog.OptOutChange;
import com.shisha.core.dialog.TurnResult;
import com.shisha.core.OutboundMessage;
import com.shisha.core.pipeline.ConversationStore;
import com.shisha.core.pipeline.Outbox;
import com.shisha.core.pipeline.StoredInbound;
import com.shisha.core.journey.JourneyUpdate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public class JdbcConversationStore implements ConversationStore {

    /**
     * Queues a turn's replies. When nothing older of the conversation is unsent they are claimed for sending right
     * here (SENDING, first attempt, with the dispatcher's lease), as {@link JdbcOutbox}'s claim would do a moment
     * later in a statement and commit of its own. A proactive message queued concurrently by another transaction
     * is not seen; it only competes on order with this turn's replies, as it would with the claim.
     */
    private static final String QUEUE_REPLIES = """
                insert into outbound_messages (conversation_key, inbound_id, from_address, body, bypass_opt_out, next_attempt_at,
                                               status, attempts, lease_until)
                -- the fast path sends it now; the sweeper considers it only if it is still pending 5 s later
                select :key, :inbound, :from, t.body, :bypass, now() + interval '5 seconds',
                       case when f.free then 'SENDING' else 'PENDING' end, case when f.free then 1 else 0 end,
                       case when f.free then now() + make_interval(secs => :leaseSeconds) end
                from unnest(cast(:bodies as text[])) with ordinality as t(body, n),
                     (select :claim and not exists (select 1 from outbound_messages u
                                         where u.conversation_key = :key and u.status in ('PENDING', 'SENDING')) as free) f
            """;

    private static final String REPLIES = "with replies as (" + QUEUE_REPLIES + """
                order by t.n
                returning id, status)
            select coalesce((select array_agg(id order by id) from replies), '{}') as ids,
                   coalesce((select bool_and(status = 'SENDING') from replies), false) as claimed,
                   now() as queued_at""";

    private final JdbcClient jdbc;
    private final Json json;
    private final TransactionTemplate tx;
    private final JourneyEffectsWriter journey;
    private final double leaseSeconds;

    /** @param sendLease the lease of a reply claimed by its turn's commit: the dispatcher's claim lease */
    public JdbcConversationStore(JdbcClient jdbc, Json json, TransactionTemplate tx, Duration sendLease) {
        this.jdbc = jdbc;
        this.leaseSeconds = sendLease.toMillis() / 1000.0;
        this.json = json;
        this.tx = tx;
        this.journey = new JourneyEffectsWriter(jdbc, json);
    }

    @Override
    public Opened open(ConversationKey key, int limit) {
        List<StoredInbound> pending = new ArrayList<>();
        ConversationState[] state = {null};
        jdbc.sql("""
                        select c.step, c.slots::text as slots, c.language, c.opted_out_at, c.version,
                               i.id, i.provider_message_id, i.to_address, i.body, i.media::text as media, i.profile_name,
                               i.received_at
                        from (select cast(:key as text) as conversation_key) k
                        left join conversations c on c.conversation_key = k.conversation_key
                        left join lateral (select * from inbound_messages m
                                           where m.conversation_key = k.conversation_key and m.processed_at is null
                                           order by m.seq limit :limit) i on true
                        order by i.seq""")
                .param("key", key.value())
                .param("limit", limit)
                .query(rs -> {
                    if (state[0] == null) {
                        state[0] = rs.getString("step") == null ? ConversationState.fresh(key) : state(key, rs);
                    }
                    if (rs.getObject("id") != null) {
                        pending.add(JdbcInbox.stored(rs, key, json));
                    }
                });
        return new Opened(state[0] == null ? ConversationState.fresh(key) : state[0], pending);
    }

    private ConversationState state(ConversationKey key, ResultSet rs) throws SQLException {
        return new ConversationState(key, rs.getString("step"), json.readSlots(rs.getString("slots")),
                Language.fromCode(rs.getString("language")), rs.getTimestamp("opted_out_at") != null, rs.getLong("version"));
    }

    @Override
    public ConversationState load(ConversationKey key) {
        return jdbc.sql("select step, slots::text as slots, language, opted_out_at, version from conversations where conversation_key = :key")
                .param("key", key.value())
                .query((rs, n) -> state(key, rs))
                .optional()
                .orElseGet(() -> ConversationState.fresh(key));
    }

    /**
     * The whole turn in one statement (one round trip, one commit). The conversation update checks the version
     * the state was loaded at; everything else happens only if it succeeded, so a worker that lost a race (or
     * a message processed already) changes nothing. Row locks make the check hold under concurrency: a second
     * writer waits for the first, then re-checks the version and finds it moved.
     *
     * <p>"Not processed yet" is written num_nonnulls(processed_at) = 0, not processed_at is null, on purpose:
     * the latter lets the planner answer a lookup by id from the small partial index of unprocessed messages,
     * which its statistics (taken while nothing waited) price at one row; in a backlog of thousands of waiting
     * messages that scan took 20-100 ms per turn. The opaque form leaves it the primary key.
     */
    private static final String COMMIT_TURN = """
            with conv as (
                update conversations set step = :step, slots = cast(:slots as jsonb), language = :lang,
                    opted_out_at = case when :optedOut then coalesce(opted_out_at, now()) else null end,
                    version = version + 1, updated_at = now()
                where conversation_key = :key and version = :version
                  and exists (select 1 from inbound_messages where id = :inbound and num_nonnulls(processed_at) = 0)
                returning conversation_key),
            inb as (
                update inbound_messages set processed_at = now(), outcome = 'REPLIED'
                where id = :inbound and num_nonnulls(processed_at) = 0 and exists (select 1 from conv)
                returning id),
            profile as (
                insert into partners (phone, name, language, city, products, onboarded_at)
                select :phone, :name, :lang, :city, cast(:products as text[]), now()
                where :hasProfile and exists (select 1 from inb)
                on conflict (phone) do update set name = excluded.name, language = excluded.language,
                    city = excluded.city, products = excluded.products,
                    onboarded_at = coalesce(partners.onboarded_at, excluded.onboarded_at), updated_at = now()
                returning id),
            replies as (""" + QUEUE_REPLIES + """
                where exists (select 1 from inb)
                order by t.n
                returning id, status)
            select (select count(*) from inb) as committed,
                   (select count(*) from profile) as profiles,
                   coalesce((select array_agg(id order by id) from replies), '{}') as ids,
                   coalesce((select bool_and(status = 'SENDING') from replies), false) as claimed,
                   now() as queued_at""";

    @Override
    public Optional<Queued> commitTurn(StoredInbound inbound, ConversationState before, TurnResult result, String replyFrom,
                                       boolean claim) {
        boolean optedOut = before.after(result).optedOut();
        boolean confirmation = result.optOutChange() == OptOutChange.OPT_OUT;
        // an opted-out partner gets nothing, except the confirmation of the opt-out itself
        List<String> bodies = !optedOut || confirmation ? result.replies() : List.of();
        if (result.journey() == null) {
            return commit(inbound, before, result, replyFrom, optedOut, confirmation, bodies, claim);
        }
        // journey turns take a few statements in one transaction; the guarded turn commit goes first, so a
        // turn that lost its race writes no effects either
        return tx.execute(status -> {
            Optional<Queued> committed = commit(inbound, before, result, replyFrom, optedOut, confirmation, List.of(), false);
            if (committed.isEmpty()) {
                return committed;
            }
            List<JourneyUpdate.Award> awards = journey.apply(result.journey());
            List<String> out = new ArrayList<>(bodies);
            if (!awards.isEmpty() && !out.isEmpty()) {
                out.set(out.size() - 1, out.get(out.size() - 1) + "\n\n" + result.journey().announcer().announce(awards));
            }
            return Optional.of(jdbc.sql(REPLIES)
                    .param("key", before.key().value())
                    .param("inbound", inbound.id())
                    .param("from", replyFrom)
                    .param("bypass", false)
                    .param("claim", claim)
                    .param("leaseSeconds", leaseSeconds)
                    .param("bodies", out.toArray(String[]::new))
                    .query((rs, n) -> queued(rs, before.key(), replyFrom, out))
                    .single());
        });
    }

    private Optional<Queued> commit(StoredInbound inbound, ConversationState before, TurnResult result, String replyFrom,
                                        boolean optedOut, boolean confirmation, List<String> bodies, boolean claim) {
        PartnerProfile p = result.confirmedProfile();
        return jdbc.sql(COMMIT_TURN)
                .param("step", result.step())
                .param("slots", json.write(result.slots()))
                .param("lang", result.language().code())
                .param("optedOut", optedOut)
                .param("key", before.key().value())
                .param("version", before.version())
                .param("inbound", inbound.id())
                .param("hasProfile", p != null)
                .param("phone", p == null ? null : p.phone())
                .param("name", p == null ? null : p.name())
                .param("city", p == null ? null : p.city())
                .param("products", p == null ? new String[0] : p.products().stream().map(Product::name).toArray(String[]::new))
                .param("from", replyFrom)
                .param("bypass", confirmation)
                .param("claim", claim)
                .param("leaseSeconds", leaseSeconds)
                .param("bodies", bodies.toArray(String[]::new))
                .query((rs, n) -> rs.getInt("committed") == 0
                        ? Optional.<Queued>empty()
                        : Optional.of(queued(rs, before.key(), replyFrom, bodies)))
                .single();
    }

    /** The inserted rows; ids ascend in the order of the bodies (inserted in that order from one sequence). */
    private static Queued queued(ResultSet rs, ConversationKey key, String from, List<String> bodies) throws SQLException {
        List<Long> ids = List.of((Long[]) rs.getArray("ids").getArray());
        if (!rs.getBoolean("claimed")) {
            return new Queued(ids, List.of());
        }
        Instant queuedAt = rs.getTimestamp("queued_at").toInstant();
        List<Outbox.ClaimedMessage> claimed = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            // opted-out conversations get no bodies but the opt-out confirmation, which may always be sent
            claimed.add(new Outbox.ClaimedMessage(new OutboundMessage(ids.get(i), key, from, bodies.get(i), 1, queuedAt),
                    false, false));
        }
        return new Queued(ids, claimed);
    }
}
