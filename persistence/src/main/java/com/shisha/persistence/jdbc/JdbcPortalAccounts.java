package com.shisha.persistence.jdbc;

import com.shisha.core.companion.PortalAccounts;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Portal sign-ins in portal_accounts, and their one-time codes in portal_codes (V7). */
public class JdbcPortalAccounts implements PortalAccounts {

    private static final String SELECT = """
            select a.id, a.partner_id, a.email, a.display_name, a.password_hash, a.phone_verified_at, p.phone, p.language
            from portal_accounts a join partners p on p.id = a.partner_id""";

    private static final RowMapper<PortalAccount> ACCOUNT = (rs, n) -> new PortalAccount(rs.getLong("id"),
            rs.getLong("partner_id"), rs.getString("email"), rs.getString("display_name"), rs.getString("password_hash"),
            rs.getTimestamp("phone_verified_at") != null, rs.getString("phone"), rs.getString("language"));

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public JdbcPortalAccounts(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public Optional<PortalAccount> create(long partnerId, String email, String displayName, String passwordHash) {
        return tx.execute(status -> {
            // both unique indexes (partner, lower(email)) decide races: the loser inserts nothing
            Optional<Long> id = jdbc.sql("""
                            insert into portal_accounts (partner_id, email, display_name, password_hash)
                            values (:partner, :email, :name, :hash) on conflict do nothing returning id""")
                    .param("partner", partnerId).param("email", email).param("name", displayName).param("hash", passwordHash)
                    .query(Long.class).optional();
            return id.flatMap(this::byId);
        });
    }

    private Optional<PortalAccount> byId(long id) {
        return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(ACCOUNT).optional();
    }

    @Override
    public Optional<PortalAccount> byEmail(String email) {
        return jdbc.sql(SELECT + " where lower(a.email) = lower(:email)").param("email", email).query(ACCOUNT).optional();
    }

    @Override
    public void setPassword(long accountId, String passwordHash) {
        jdbc.sql("update portal_accounts set password_hash = :hash, updated_at = now() where id = :id")
                .param("hash", passwordHash).param("id", accountId).update();
    }

    @Override
    public void markPhoneVerified(long accountId) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("update portal_accounts set phone_verified_at = coalesce(phone_verified_at, now()), updated_at = now() where id = :id")
                    .param("id", accountId).update();
            jdbc.sql("""
                            update partners p set name = a.display_name, updated_at = now()
                            from portal_accounts a where a.id = :id and p.id = a.partner_id and p.name is null""")
                    .param("id", accountId).update();
        });
    }

    @Override
    public void storeCode(long accountId, CodePurpose purpose, String codeHash, Instant expiresAt) {
        jdbc.sql("""
                        insert into portal_codes (account_id, purpose, code_hash, expires_at) values (:id, :purpose, :hash, :expires)
                        on conflict (account_id, purpose) do update set code_hash = excluded.code_hash,
                            expires_at = excluded.expires_at, attempts = 0, created_at = now()""")
                .param("id", accountId).param("purpose", purpose.name()).param("hash", codeHash)
                .param("expires", Timestamp.from(expiresAt)).update();
    }

    @Override
    public Optional<String> attemptCode(long accountId, CodePurpose purpose, int maxAttempts, Instant now) {
        return jdbc.sql("""
                        update portal_codes set attempts = attempts + 1 where account_id = :id and purpose = :purpose
                        returning code_hash, attempts, expires_at""")
                .param("id", accountId).param("purpose", purpose.name())
                .query((rs, n) -> rs.getInt("attempts") <= maxAttempts && rs.getTimestamp("expires_at").toInstant().isAfter(now)
                        ? Optional.of(rs.getString("code_hash")) : Optional.<String>empty())
                .optional().flatMap(o -> o);
    }

    @Override
    public void deleteCode(long accountId, CodePurpose purpose) {
        jdbc.sql("delete from portal_codes where account_id = :id and purpose = :purpose")
                .param("id", accountId).param("purpose", purpose.name()).update();
    }
}
