package com.shisha.persistence.jdbc;

import com.shisha.core.ConversationKey;
import com.shisha.core.Language;
import com.shisha.core.PartnerProfile;
import com.shisha.core.Product;
import com.shisha.core.dialog.Choices;
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
import java.util.Map;
import java.util.Optional;

public class JdbcConversationStore implements ConversationStore {

    /**
     * Queues a turn's replies. When nothing older of the conversation is unsent they are claimed for sending right
     * here (SENDING, first attempt, with the dispatcher's lease), as {@link JdbcOutbox}'s claim would do a moment
     * later in a statement and commit of its own. A proactive message queued concurrently by another transaction
     * is not seen; it only competes on order with this turn's replies, as it would with the claim.
     */
    private static final String QUEUE_REPLIES = OutboxStatus.sql("""
                insert into outbound_messages (conversation_key, inbound_id, from_address, body, bypass_opt_out, next_attempt_at,
                                               status, attempts, lease_until)
                -- the fast path sends it now; the sweeper considers it only if it is still pending 5 s later
                select :key, :inbound, :from, t.body, :bypass, now() + interval '5 seconds',
                       case when f.free then {SENDING} else {PENDING} end, case when f.free then 1 else 0 end,
                       case when f.free then now() + make_interval(secs => :leaseSeconds) end
                from unnest(cast(:bodies as text[])) with ordinality as t(body, n),
                     (select :claim and not exists (select 1 from outbound_messages u
                                         where u.conversation_key = :key and u.status in ({PENDING}, {SENDING})) as free) f
            """);

    private static final String REPLIES = "with replies as (" + QUEUE_REPLIES + OutboxStatus.sql("""
                order by t.n
                returning id, status)
            select coalesce((select array_agg(id order by id) from replies), '{}') as ids,
                   coalesce((select bool_and(status = {SENDING}) from replies), false) as claimed,
                   now() as queued_at""");

    /** REPLIES whose last reply offers choices (see TurnResult#choices). */
    private static final String REPLIES_WITH_CHOICES = Sql.variant(REPLIES,
            "status, attempts, lease_until)", "status, attempts, lease_until, choices)",
            "make_interval(secs => :leaseSeconds) end",
            "make_interval(secs => :leaseSeconds) end,\n"
                    + "       case when t.n = cardinality(cast(:bodies as text[])) then cast(:choices as jsonb) end");

    private final JdbcClient jdbc;
    private final Json json;
    private final TransactionTemplate tx;
    private final JourneyEffectsWriter journey;
    private final double leaseSeconds;
    private final GroupCommit<TurnCommit, Optional<Queued>> committer;

    /** @param sendLease the lease of a reply claimed by its turn's commit: the dispatcher's claim lease */
    public JdbcConversationStore(JdbcClient jdbc, Json json, TransactionTemplate tx, Duration sendLease) {
        this(jdbc, jdbc, json, tx, sendLease, Duration.ZERO);
    }

    /**
     * @param writes    where the group-commit writer of turns commits (see {@link WriterPool}); journey turns, which
     *                  take several statements in one transaction of {@code tx}, commit through {@code jdbc}
     * @param sendLease the lease of a reply claimed by its turn's commit: the dispatcher's claim lease
     * @param linger    how long the writer of turns waits for more turns before it commits (see {@link GroupCommit})
     */
    public JdbcConversationStore(JdbcClient jdbc, JdbcClient writes, Json json, TransactionTemplate tx, Duration sendLease,
                                 Duration linger) {
        this.jdbc = jdbc;
        this.leaseSeconds = sendLease.toMillis() / 1000.0;
        this.json = json;
        this.tx = tx;
        this.journey = new JourneyEffectsWriter(jdbc, json);
        // a turn's commit waits for its batch; past this the drain gives up on it (the rows, if the batch commits
        // later, are found by the sweeps)
        this.committer = new GroupCommit<>("turn-commits", 64, Duration.ofSeconds(30), linger, t -> t.before().key(),
                turns -> commit(writes, turns));
    }

    /**
     * Whether a person has the conversation whose row is {@code c} ({@link ConversationState#withAgent}), as a column
     * of the statement that reads its state: one probe of the open-handoff index instead of a query per turn.
     */
    static final String WITH_AGENT = "coalesce((select h.state = 'WITH_AGENT' from handoffs h where h.channel = c.channel"
            + " and h.address = c.address and h.state <> 'RETURNED'), false) as with_agent";

    @Override
    public Opened open(ConversationKey key, int limit) {
        List<StoredInbound> pending = new ArrayList<>();
        ConversationState[] state = {null};
        jdbc.sql("""
                        select c.step, c.slots::text as slots, c.language, c.opted_out_at, c.version, %s,
                               i.id, i.provider_message_id, i.to_address, i.body, i.media::text as media, i.profile_name,
                               i.received_at, i.choice_id
                        from (select cast(:key as text) as conversation_key) k
                        left join conversations c on c.conversation_key = k.conversation_key
                        left join lateral (select * from inbound_messages m
                                           where m.conversation_key = k.conversation_key and m.processed_at is null
                                           order by m.seq limit :limit) i on true
                        order by i.seq""".formatted(WITH_AGENT))
                .param("key", key.value())
                .param("limit", limit)
                .query(rs -> {
                    if (state[0] == null) {
                        state[0] = state(key, rs, json);
                    }
                    if (rs.getObject("id") != null) {
                        pending.add(JdbcInbox.stored(rs, key, json));
                    }
                });
        return new Opened(state[0] == null ? ConversationState.fresh(key) : state[0], pending);
    }

    /**
     * The state in a row with the columns of conversations and {@link #WITH_AGENT} (a missing row or one never
     * answered: a fresh state).
     */
    static ConversationState state(ConversationKey key, ResultSet rs, Json json) throws SQLException {
        if (rs.getString("step") == null) {
            // a person may take a conversation before the bot ever answered it
            return rs.getBoolean("with_agent") ? new ConversationState(key, null, Map.of(), Language.EN, false, 0, true)
                    : ConversationState.fresh(key);
        }
        return new ConversationState(key, rs.getString("step"), json.readSlots(rs.getString("slots")),
                Language.fromCode(rs.getString("language")), rs.getTimestamp("opted_out_at") != null, rs.getLong("version"),
                rs.getBoolean("with_agent"));
    }

    @Override
    public ConversationState load(ConversationKey key) {
        return jdbc.sql("select step, slots::text as slots, language, opted_out_at, version, " + WITH_AGENT
                        + " from conversations c where conversation_key = :key")
                .param("key", key.value())
                .query((rs, n) -> state(key, rs, json))
                .optional()
                .orElseGet(() -> ConversationState.fresh(key));
    }

    /**
     * Turns of many conversations in one statement (one round trip, one commit): turn threads hand their commit to
     * one writer, which commits whatever is waiting together (see {@link GroupCommit}). A batch holds at most one
     * turn per conversation, and each turn is guarded on its own: its conversation update checks the version the
     * state was loaded at, that its message is still unprocessed, and that it is next in line (processed_seq, see
     * V13; a turn started from the inbox's hint relies on this); everything else of that turn happens only if its
     * update succeeded. So a turn that lost a race (or came out of turn) changes nothing, and the other turns of
     * its batch commit all the same. The conversation rows are locked first, in key order, as the inbox locks
     * them: two multi-row statements never wait on each other in a cycle. Then the checks hold under
     * concurrency: a second writer waits for the first, then re-checks the version and finds it moved.
     *
     * <p>"Not processed yet" is written num_nonnulls(processed_at) = 0, not processed_at is null, on purpose:
     * the latter lets the planner answer a lookup by id from the small partial index of unprocessed messages,
     * which its statistics (taken while nothing waited) price at one row; in a backlog of thousands of waiting
     * messages that scan took 20-100 ms per turn. The opaque form leaves it the primary key.
     *
     * <p>A reply row names its turn by position in the batch ({@code :replyOf}); the bodies of one turn are
     * inserted in order, so their ids ascend in the order of the bodies.
     */
    static final String COMMIT_TURNS = OutboxStatus.sql("""
            with input as materialized (
                select * from unnest(cast(:keys as text[]), cast(:versions as bigint[]), cast(:inbounds as bigint[]),
                                     cast(:steps as text[]), cast(:slots as text[]), cast(:langs as text[]),
                                     cast(:optedOut as boolean[]), cast(:claims as boolean[]), cast(:bypass as boolean[]),
                                     cast(:froms as text[]), cast(:phones as text[]), cast(:names as text[]),
                                     cast(:cities as text[]), cast(:products as text[]), cast(:states as text[]),
                                     cast(:lats as double precision[]), cast(:lons as double precision[]))
                         with ordinality as t(key, version, inbound, step, slots, lang, opted_out, claim, bypass,
                                              from_address, phone, name, city, products, state, lat, lon, n)),
            locked as (
                select c.conversation_key from conversations c
                where c.conversation_key in (select key from input)
                order by c.conversation_key
                for no key update),
            conv as (
                update conversations c set step = i.step, slots = cast(i.slots as jsonb), language = i.lang,
                    opted_out_at = case when i.opted_out then coalesce(c.opted_out_at, now()) else null end,
                    version = c.version + 1, processed_seq = greatest(c.processed_seq, m.seq), updated_at = now()
                from input i join inbound_messages m on m.id = i.inbound
                where c.conversation_key = i.key and c.version = i.version
                  and c.conversation_key in (select conversation_key from locked)
                  and m.conversation_key = i.key and num_nonnulls(m.processed_at) = 0
                  -- in turn: right after the last processed message, or (after a gap a duplicate left in the
                  -- sequence) nothing older waits. Inside OR the second test stays a per-turn subquery probing
                  -- by conversation, and runs only after a gap
                  and (m.seq = c.processed_seq + 1
                       or not exists (select 1 from inbound_messages older
                                      where older.conversation_key = i.key and older.processed_at is null
                                        and older.seq < m.seq))
                returning c.conversation_key),
            inb as (
                update inbound_messages m set processed_at = now(), outcome = 'REPLIED'
                from input i join conv on conv.conversation_key = i.key
                where m.id = i.inbound and num_nonnulls(m.processed_at) = 0
                returning i.n),
            profile as (
                insert into partners (phone, name, language, city, products, state, latitude, longitude, onboarded_at)
                select i.phone, i.name, i.lang, i.city, string_to_array(i.products, ','), i.state, i.lat, i.lon, now()
                from input i join inb on inb.n = i.n
                where i.phone is not null
                order by i.phone
                on conflict (phone) do update set name = excluded.name, language = excluded.language,
                    city = excluded.city, products = excluded.products, state = excluded.state,
                    latitude = excluded.latitude, longitude = excluded.longitude,
                    onboarded_at = coalesce(partners.onboarded_at, excluded.onboarded_at), updated_at = now()
                returning id),
            free as materialized (
                -- claimed for sending right here when nothing older of the conversation is unsent (see QUEUE_REPLIES);
                -- materialized: once per turn, not once per use in each reply row
                select i.n, i.claim and not exists (select 1 from outbound_messages u
                                                    where u.conversation_key = i.key and u.status in ({PENDING}, {SENDING})) as free
                from input i join inb on inb.n = i.n),
            replies as (
                insert into outbound_messages (conversation_key, inbound_id, from_address, body, bypass_opt_out, next_attempt_at,
                                               status, attempts, lease_until)
                select i.key, i.inbound, i.from_address, r.body, i.bypass, now() + interval '5 seconds',
                       case when f.free then {SENDING} else {PENDING} end, case when f.free then 1 else 0 end,
                       case when f.free then now() + make_interval(secs => :leaseSeconds) end
                from unnest(cast(:replyOf as bigint[]), cast(:bodies as text[])) with ordinality as r(turn, body, k)
                join input i on i.n = r.turn
                join free f on f.n = r.turn
                order by r.k
                returning id, conversation_key, status)
            select i.n,
                   exists (select 1 from inb where inb.n = i.n) as committed,
                   coalesce((select array_agg(r.id order by r.id) from replies r where r.conversation_key = i.key), '{}') as ids,
                   coalesce((select bool_and(r.status = {SENDING}) from replies r where r.conversation_key = i.key), false) as claimed,
                   now() as queued_at
            from input i
            order by i.n""");

    /**
     * COMMIT_TURNS for a batch in which a turn offers choices: each reply row takes its choices (JSON, or null) from
     * an array alongside the bodies. A batch without choices commits exactly as before.
     */
    static final String COMMIT_TURNS_WITH_CHOICES = Sql.variant(COMMIT_TURNS,
            "status, attempts, lease_until)", "status, attempts, lease_until, choices)",
            "make_interval(secs => :leaseSeconds) end", "make_interval(secs => :leaseSeconds) end, cast(r.choices as jsonb)",
            "from unnest(cast(:replyOf as bigint[]), cast(:bodies as text[])) with ordinality as r(turn, body, k)",
            "from unnest(cast(:replyOf as bigint[]), cast(:bodies as text[]), cast(:replyChoices as text[]))\n"
                    + "         with ordinality as r(turn, body, choices, k)");

    /** One turn to commit: what {@link #commitTurn} was given, with the replies it may send. */
    record TurnCommit(StoredInbound inbound, ConversationState before, TurnResult result, String replyFrom,
                      boolean optedOut, boolean bypass, List<String> bodies, boolean claim) {

        static TurnCommit of(StoredInbound inbound, ConversationState before, TurnResult result, String replyFrom, boolean claim) {
            boolean optedOut = before.after(result).optedOut();
            boolean confirmation = result.optOutChange() == OptOutChange.OPT_OUT;
            // an opted-out partner gets nothing, except the confirmation of the opt-out itself
            List<String> bodies = !optedOut || confirmation ? result.replies() : List.of();
            return new TurnCommit(inbound, before, result, replyFrom, optedOut, confirmation, bodies, claim);
        }

        TurnCommit withoutReplies() {
            return new TurnCommit(inbound, before, result, replyFrom, optedOut, bypass, List.of(), false);
        }

        /** The choices the last reply offers; null when none (or no reply goes out). */
        Choices choices() {
            return bodies.isEmpty() ? null : result.choices();
        }

        @Override
        public String toString() {
            return "turn for inbound message " + inbound.id(); // not the bodies or the phone number
        }
    }

    @Override
    public Optional<Queued> commitTurn(StoredInbound inbound, ConversationState before, TurnResult result, String replyFrom,
                                       boolean claim) {
        TurnCommit turn = TurnCommit.of(inbound, before, result, replyFrom, claim);
        if (result.journey() == null) {
            return committer.submit(turn);
        }
        // journey turns take a few statements in one transaction; the guarded turn commit goes first, so a
        // turn that lost its race writes no effects either
        long claimedAtNanos = System.nanoTime(); // before the transaction's now(), from which the claims' lease runs
        return tx.execute(status -> {
            // the batch statement is big: a custom plan of it costs ~3 ms, the cached generic one nothing (see WriterPool)
            jdbc.sql("select set_config('plan_cache_mode', 'force_generic_plan', true)").query(String.class).single();
            Optional<Queued> committed = commit(jdbc, List.of(turn.withoutReplies())).get(0);
            if (committed.isEmpty()) {
                return committed;
            }
            List<JourneyUpdate.Award> awards = journey.apply(result.journey());
            List<String> out = new ArrayList<>(turn.bodies());
            if (!awards.isEmpty() && !out.isEmpty()) {
                out.set(out.size() - 1, out.get(out.size() - 1) + "\n\n" + result.journey().announcer().announce(awards));
            }
            Choices choices = turn.choices();
            var statement = jdbc.sql(choices == null ? REPLIES : REPLIES_WITH_CHOICES)
                    .param("key", before.key().value())
                    .param("inbound", inbound.id())
                    .param("from", replyFrom)
                    .param("bypass", false)
                    .param("claim", claim)
                    .param("leaseSeconds", leaseSeconds)
                    .param("bodies", out.toArray(String[]::new));
            return Optional.of((choices == null ? statement : statement.param("choices", json.writeChoices(choices)))
                    .query((rs, n) -> queued(rs, before.key(), replyFrom, out, choices, claimedAtNanos))
                    .single());
        });
    }

    /** Commits the turns (of distinct conversations) in one statement; one result per turn, in order. */
    List<Optional<Queued>> commit(JdbcClient client, List<TurnCommit> turns) {
        long claimedAtNanos = System.nanoTime(); // before the statement's now(), from which the claims' lease runs
        int n = turns.size();
        String[] keys = new String[n], steps = new String[n], slots = new String[n], langs = new String[n], froms = new String[n];
        String[] phones = new String[n], names = new String[n], cities = new String[n], products = new String[n],
                states = new String[n];
        Double[] lats = new Double[n], lons = new Double[n];
        long[] versions = new long[n], inbounds = new long[n];
        boolean[] optedOut = new boolean[n], claims = new boolean[n], bypass = new boolean[n];
        List<Long> replyOf = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        // one per body, built only once a turn of the batch offers choices (then null for the bodies before it)
        List<String> replyChoices = null;
        for (int i = 0; i < n; i++) {
            TurnCommit t = turns.get(i);
            keys[i] = t.before().key().value();
            versions[i] = t.before().version();
            inbounds[i] = t.inbound().id();
            steps[i] = t.result().step();
            slots[i] = json.write(t.result().slots());
            langs[i] = t.result().language().code();
            optedOut[i] = t.optedOut();
            claims[i] = t.claim();
            bypass[i] = t.bypass();
            froms[i] = t.replyFrom();
            PartnerProfile p = t.result().confirmedProfile();
            if (p != null) {
                phones[i] = p.phone();
                names[i] = p.name();
                cities[i] = p.city();
                states[i] = p.state();
                lats[i] = p.latitude();
                lons[i] = p.longitude();
                products[i] = String.join(",", p.products().stream().map(Product::name).toList());
            }
            for (String body : t.bodies()) {
                replyOf.add(i + 1L); // ordinality counts from 1
                bodies.add(body);
            }
            if (t.choices() != null) {
                replyChoices = replyChoices == null ? new ArrayList<>() : replyChoices;
                while (replyChoices.size() < bodies.size() - 1) {
                    replyChoices.add(null);
                }
                replyChoices.add(json.writeChoices(t.choices())); // with the turn's last reply
            }
        }
        if (replyChoices != null) {
            while (replyChoices.size() < bodies.size()) {
                replyChoices.add(null);
            }
        }
        List<Optional<Queued>> results = new ArrayList<>(n);
        var statement = client.sql(replyChoices == null ? COMMIT_TURNS : COMMIT_TURNS_WITH_CHOICES)
                .param("keys", keys).param("versions", versions).param("inbounds", inbounds).param("steps", steps)
                .param("slots", slots).param("langs", langs).param("optedOut", optedOut).param("claims", claims)
                .param("bypass", bypass).param("froms", froms).param("phones", phones).param("names", names)
                .param("cities", cities).param("products", products).param("states", states).param("lats", lats)
                .param("lons", lons).param("leaseSeconds", leaseSeconds)
                .param("replyOf", replyOf.stream().mapToLong(Long::longValue).toArray())
                .param("bodies", bodies.toArray(String[]::new));
        (replyChoices == null ? statement : statement.param("replyChoices", replyChoices.toArray(String[]::new)))
                .query(rs -> {
                    TurnCommit t = turns.get(rs.getInt("n") - 1);
                    results.add(rs.getBoolean("committed")
                            ? Optional.of(queued(rs, t.before().key(), t.replyFrom(), t.bodies(), t.choices(), claimedAtNanos))
                            : Optional.empty());
                });
        return results;
    }

    /**
     * The inserted rows; ids ascend in the order of the bodies (inserted in that order from one sequence).
     *
     * @param claimedAtNanos taken before the statement that claimed them was sent (see {@link Queued})
     */
    private static Queued queued(ResultSet rs, ConversationKey key, String from, List<String> bodies, Choices choices,
                                 long claimedAtNanos) throws SQLException {
        List<Long> ids = List.of((Long[]) rs.getArray("ids").getArray());
        if (!rs.getBoolean("claimed")) {
            return Queued.unclaimed(ids);
        }
        Instant queuedAt = rs.getTimestamp("queued_at").toInstant();
        List<Outbox.ClaimedMessage> claimed = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            // opted-out conversations get no bodies but the opt-out confirmation, which may always be sent
            Choices offered = i == ids.size() - 1 ? choices : null;
            claimed.add(new Outbox.ClaimedMessage(new OutboundMessage(ids.get(i), key, from, bodies.get(i), 1, queuedAt,
                    null, null, offered), false, false));
        }
        return new Queued(ids, claimed, claimedAtNanos);
    }
}
