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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public class JdbcConversationStore implements ConversationStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Json json;

    public JdbcConversationStore(JdbcClient jdbc, TransactionTemplate tx, Json json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
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

    @Override
    public Optional<List<Long>> commitTurn(StoredInbound inbound, ConversationState before, TurnResult result, String replyFrom) {
        return tx.execute(status -> {
            int marked = jdbc.sql("update inbound_messages set processed_at = now(), outcome = 'REPLIED' where id = :id and processed_at is null")
                    .param("id", inbound.id()).update();
            if (marked == 0) {
                status.setRollbackOnly();
                return Optional.<List<Long>>empty();
            }
            boolean optedOut = switch (result.optOutChange()) {
                case OPT_OUT -> true;
                case OPT_IN -> false;
                case NONE -> before.optedOut();
            };
            int saved = jdbc.sql("""
                            update conversations set step = :step, slots = cast(:slots as jsonb), language = :lang,
                                opted_out_at = case when :optedOut then coalesce(opted_out_at, now()) else null end,
                                version = version + 1, updated_at = now()
                            where conversation_key = :key and version = :version""")
                    .param("step", result.step())
                    .param("slots", json.write(result.slots()))
                    .param("lang", result.language().code())
                    .param("optedOut", optedOut)
                    .param("key", before.key().value())
                    .param("version", before.version())
                    .update();
            if (saved == 0) {
                status.setRollbackOnly();
                return Optional.<List<Long>>empty();
            }
            if (result.confirmedProfile() != null) {
                saveProfile(result.confirmedProfile());
            }
            boolean confirmation = result.optOutChange() == OptOutChange.OPT_OUT;
            List<Long> ids = new ArrayList<>();
            if (!optedOut || confirmation) {
                for (String body : result.replies()) {
                    ids.add(jdbc.sql("""
                                    insert into outbound_messages (conversation_key, inbound_id, from_address, body, bypass_opt_out)
                                    values (:key, :inbound, :from, :body, :bypass) returning id""")
                            .param("key", before.key().value())
                            .param("inbound", inbound.id())
                            .param("from", replyFrom)
                            .param("body", body)
                            .param("bypass", confirmation)
                            .query(Long.class).single());
                }
            }
            return Optional.of(List.copyOf(ids));
        });
    }

    private void saveProfile(PartnerProfile p) {
        jdbc.sql("""
                        insert into partners (phone, name, language, city, products, onboarded_at)
                        values (:phone, :name, :lang, :city, :products, now())
                        on conflict (phone) do update set name = excluded.name, language = excluded.language,
                            city = excluded.city, products = excluded.products,
                            onboarded_at = coalesce(partners.onboarded_at, excluded.onboarded_at), updated_at = now()""")
                .param("phone", p.phone())
                .param("name", p.name())
                .param("lang", p.language().code())
                .param("city", p.city())
                .param("products", p.products().stream().map(Product::name).toArray(String[]::new))
                .update();
    }
}
