package com.shisha.persistence.jdbc;

import com.shisha.core.ConversationKey;
import com.shisha.core.Language;
import com.shisha.core.PartnerProfile;
import com.shisha.core.Product;
import com.shisha.core.dialog.ConversationState;
import com.shisha.core.dialog.OptOutChange;
import com.shisha.core.dialog.TurnResult;
import com.shisha.core.pipeline.ConversationStore;
import com.shisha.core.pipeline.StoredInbound;
import com.shisha.core.journey.JourneyUpdate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public class JdbcConversationStore implements ConversationStore {

    private static final String REPLIES = """
            insert into outbound_messages (conversation_key, inbound_id, from_address, body, bypass_opt_out, next_attempt_at)
            select :key, :inbound, :from, t.body, false, now() + interval '5 seconds'
            from unnest(cast(:bodies as text[])) with ordinality as t(body, n)
            order by t.n
            returning id""";

    private final JdbcClient jdbc;
    private final Json json;
    private final TransactionTemplate tx;
    private final JourneyEffectsWriter journey;

    public JdbcConversationStore(JdbcClient jdbc, Json json, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.json = json;
        this.tx = tx;
        this.journey = new JourneyEffectsWriter(jdbc, json);
    }

    @Override
    public ConversationState load(ConversationKey key) {
        return jdbc.sql("select step, slots::text as slots, language, opted_out_at, version from conversations where conversation_key = :key")
                .param("key", key.value())
                .query((rs, n) -> new ConversationState(key, rs.getString("step"), json.readSlots(rs.getString("slots")),
                        Language.fromCode(rs.getString("language")), rs.getTimestamp("opted_out_at") != null,
                        rs.getLong("version")))
                .optional()
                .orElseGet(() -> ConversationState.fresh(key));
    }

    /**
     * The whole turn in one statement (one round trip, one commit). The conversation update checks the version
     * the state was loaded at; everything else happens only if it succeeded, so a worker that lost a race (or
     * a message processed already) changes nothing. Row locks make the check hold under concurrency: a second
     * writer waits for the first, then re-checks the version and finds it moved.
     */
    private static final String COMMIT_TURN = """
            with conv as (
                update conversations set step = :step, slots = cast(:slots as jsonb), language = :lang,
                    opted_out_at = case when :optedOut then coalesce(opted_out_at, now()) else null end,
                    version = version + 1, updated_at = now()
                where conversation_key = :key and version = :version
                  and exists (select 1 from inbound_messages where id = :inbound and processed_at is null)
                returning conversation_key),
            inb as (
                update inbound_messages set processed_at = now(), outcome = 'REPLIED'
                where id = :inbound and processed_at is null and exists (select 1 from conv)
                returning id),
            profile as (
                insert into partners (phone, name, language, city, products, onboarded_at)
                select :phone, :name, :lang, :city, cast(:products as text[]), now()
                where :hasProfile and exists (select 1 from inb)
                on conflict (phone) do update set name = excluded.name, language = excluded.language,
                    city = excluded.city, products = excluded.products,
                    onboarded_at = coalesce(partners.onboarded_at, excluded.onboarded_at), updated_at = now()
                returning id),
            replies as (
                insert into outbound_messages (conversation_key, inbound_id, from_address, body, bypass_opt_out, next_attempt_at)
                -- the fast path sends it now; the sweeper considers it only if it is still pending 5 s later
                select :key, :inbound, :from, t.body, :bypass, now() + interval '5 seconds'
                from unnest(cast(:bodies as text[])) with ordinality as t(body, n)
                where exists (select 1 from inb)
                order by t.n
                returning id)
            select (select count(*) from inb) as committed,
                   (select count(*) from profile) as profiles,
                   coalesce((select array_agg(id order by id) from replies), '{}') as ids""";

    @Override
    public Optional<List<Long>> commitTurn(StoredInbound inbound, ConversationState before, TurnResult result, String replyFrom) {
        boolean optedOut = before.after(result).optedOut();
        boolean confirmation = result.optOutChange() == OptOutChange.OPT_OUT;
        // an opted-out partner gets nothing, except the confirmation of the opt-out itself
        List<String> bodies = !optedOut || confirmation ? result.replies() : List.of();
        if (result.journey() == null) {
            return commit(inbound, before, result, replyFrom, optedOut, confirmation, bodies);
        }
        // journey turns take a few statements in one transaction; the guarded turn commit goes first, so a
        // turn that lost its race writes no effects either
        return tx.execute(status -> {
            Optional<List<Long>> committed = commit(inbound, before, result, replyFrom, optedOut, confirmation, List.of());
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
                    .param("bodies", out.toArray(String[]::new))
                    .query(Long.class).list());
        });
    }

    private Optional<List<Long>> commit(StoredInbound inbound, ConversationState before, TurnResult result, String replyFrom,
                                        boolean optedOut, boolean confirmation, List<String> bodies) {
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
                .param("bodies", bodies.toArray(String[]::new))
                .query((rs, n) -> {
                    if (rs.getInt("committed") == 0) {
                        return Optional.<List<Long>>empty();
                    }
                    Long[] ids = (Long[]) rs.getArray("ids").getArray();
                    return Optional.of(List.of(ids));
                })
                .single();
    }
}
