package com.shisha.persistence.jdbc;

import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.companion.PartnerAccounts;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Arrays;
import java.util.Optional;

/** Partner accounts over the partners table that WhatsApp's onboarding writes too (one row per phone number). */
public class JdbcPartnerAccounts implements PartnerAccounts {

    private static final String COLUMNS = "id, phone, name, language, city, products, email, onboarded_at, points, created_at";

    private static final RowMapper<Account> ACCOUNT = (rs, n) -> new Account(rs.getLong("id"), rs.getString("phone"),
            rs.getString("name"), Language.fromCode(rs.getString("language")), rs.getString("city"),
            Arrays.stream((String[]) rs.getArray("products").getArray()).map(Product::valueOf).toList(),
            rs.getString("email"), rs.getTimestamp("onboarded_at") != null, rs.getInt("points"),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public JdbcPartnerAccounts(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public Account signIn(String phone, Identity identity) {
        return tx.execute(status -> {
            if (identity.uid() != null) {
                // a Firebase account whose phone number changed: the uid follows the number it now proves
                jdbc.sql("update partners set firebase_uid = null, updated_at = now() where firebase_uid = :uid and phone <> :phone")
                        .param("uid", identity.uid()).param("phone", phone).update();
            }
            return jdbc.sql("""
                            insert into partners (phone, firebase_uid, email) values (:phone, :uid, :email)
                            on conflict (phone) do update set
                                firebase_uid = coalesce(excluded.firebase_uid, partners.firebase_uid),
                                email = coalesce(excluded.email, partners.email), updated_at = now()
                            """ + "returning " + COLUMNS)
                    .param("phone", phone).param("uid", identity.uid()).param("email", identity.email())
                    .query(ACCOUNT).single();
        });
    }

    @Override
    public Optional<Account> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from partners where id = :id").param("id", id).query(ACCOUNT).optional();
    }

    @Override
    public Optional<Account> byFirebaseUid(String uid) {
        return jdbc.sql("select " + COLUMNS + " from partners where firebase_uid = :uid").param("uid", uid).query(ACCOUNT).optional();
    }

    @Override
    public Account update(long id, ProfileChange change) {
        String[] products = change.products() == null ? null : change.products().stream().map(Product::name).toArray(String[]::new);
        return tx.execute(status -> {
            Account account = updatePartner(id, change, products);
            syncConversations(account);
            return account;
        });
    }

    /**
     * The partner's WhatsApp and SMS conversations carry the profile in their slots (the dialogs read it there):
     * a change made in the app must show there too, e.g. replies in the newly chosen language. Only conversations
     * past onboarding are touched; the version bump makes a turn running at this moment retry on the new state.
     */
    private void syncConversations(Account a) {
        jdbc.sql("""
                        update conversations set
                            slots = slots || jsonb_strip_nulls(jsonb_build_object('name', cast(:name as text), 'city', cast(:city as text),
                                     'language', cast(:lang as text), 'products', cast(:products as text))),
                            language = :lang, version = version + 1, updated_at = now()
                        where address = :phone and slots ->> 'confirmed' = 'true'""")
                .param("phone", a.phone()).param("name", a.name()).param("city", a.city())
                .param("lang", a.language().code())
                .param("products", a.products().isEmpty() ? null
                        : a.products().stream().map(Product::name).collect(java.util.stream.Collectors.joining(",")))
                .update();
    }

    private Account updatePartner(long id, ProfileChange change, String[] products) {
        return jdbc.sql("""
                        with next as (
                            select coalesce(cast(:name as text), name) as name, coalesce(cast(:city as text), city) as city,
                                   coalesce(cast(:lang as text), language) as language,
                                   coalesce(cast(:products as text[]), products) as products
                            from partners where id = :id)
                        update partners p set name = n.name, city = n.city, language = n.language, products = n.products,
                            onboarded_at = coalesce(p.onboarded_at,
                                case when n.name is not null and n.city is not null and cardinality(n.products) > 0 then now() end),
                            updated_at = now()
                        from next n where p.id = :id
                        returning p.id, p.phone, p.name, p.language, p.city, p.products, p.email, p.onboarded_at, p.points, p.created_at""")
                .param("id", id).param("name", change.name()).param("city", change.city())
                .param("lang", change.language() == null ? null : change.language().code())
                .param("products", products)
                .query(ACCOUNT).optional()
                .orElseThrow(() -> new IllegalStateException("partner " + id + " does not exist"));
    }
}
