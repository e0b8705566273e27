package com.shisha.persistence.jdbc;

import com.shisha.core.companion.PartnerAccounts;
import com.shisha.core.companion.PortalAccounts.CodePurpose;
import com.shisha.core.companion.PortalAccounts.PortalAccount;
import com.shisha.persistence.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Portal accounts against a real (embedded) PostgreSQL with the migrations applied. */
class JdbcPortalAccountsTest {

    private static final AtomicInteger PHONES = new AtomicInteger(10_000_000);
    private static JdbcClient jdbc;
    private static JdbcPortalAccounts portal;
    private static JdbcPartnerAccounts partners;

    @BeforeAll
    static void database() {
        DataSource dataSource = TestDatabase.freshDataSource();
        jdbc = JdbcClient.create(dataSource);
        TransactionTemplate tx = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        portal = new JdbcPortalAccounts(jdbc, tx);
        partners = new JdbcPartnerAccounts(jdbc, tx);
    }

    private static PartnerAccounts.Account partner() {
        return partners.signIn("+9198" + PHONES.incrementAndGet(), new PartnerAccounts.Identity("test", null, null));
    }

    @Test
    void one_account_per_partner_and_per_email_whatever_its_case() {
        PartnerAccounts.Account p = partner();
        PortalAccount a = portal.create(p.id(), "Asha@Example.test", "Asha Verma", "hash-1").orElseThrow();
        assertThat(a.phone()).isEqualTo(p.phone());
        assertThat(a.phoneVerified()).isFalse();
        assertThat(portal.create(p.id(), "other@example.test", "Asha", "hash-2")).isEmpty();
        assertThat(portal.create(partner().id(), "asha@EXAMPLE.test", "Mallory", "hash-3")).isEmpty();
        assertThat(portal.byEmail("ASHA@example.TEST")).map(PortalAccount::passwordHash).contains("hash-1");
    }

    @Test
    void the_registered_name_reaches_the_partner_only_when_the_phone_is_proven_and_only_if_it_has_none() {
        PartnerAccounts.Account unnamed = partner();
        PortalAccount a = portal.create(unnamed.id(), unnamed.id() + "@example.test", "Ravi Kumar", "h").orElseThrow();
        assertThat(partners.byId(unnamed.id()).orElseThrow().name()).isNull();
        portal.markPhoneVerified(a.id());
        assertThat(partners.byId(unnamed.id()).orElseThrow().name()).isEqualTo("Ravi Kumar");
        assertThat(portal.byEmail(unnamed.id() + "@example.test").orElseThrow().phoneVerified()).isTrue();

        PartnerAccounts.Account named = partner();
        partners.update(named.id(), new PartnerAccounts.ProfileChange("Meera Joshi", null, null, null));
        PortalAccount b = portal.create(named.id(), named.id() + "@example.test", "Someone Else", "h").orElseThrow();
        portal.markPhoneVerified(b.id());
        assertThat(partners.byId(named.id()).orElseThrow().name()).isEqualTo("Meera Joshi");
    }

    @Test
    void a_code_counts_each_attempt_before_answering_and_a_new_code_starts_over() {
        PartnerAccounts.Account p = partner();
        PortalAccount a = portal.create(p.id(), p.id() + "@example.test", "Lata", "h").orElseThrow();
        Instant now = Instant.now();
        portal.storeCode(a.id(), CodePurpose.VERIFY_PHONE, "code-hash", now.plus(Duration.ofMinutes(15)));
        for (int i = 1; i <= 3; i++) {
            assertThat(portal.attemptCode(a.id(), CodePurpose.VERIFY_PHONE, 3, now)).as("attempt %d", i).contains("code-hash");
        }
        assertThat(portal.attemptCode(a.id(), CodePurpose.VERIFY_PHONE, 3, now)).isEmpty();
        // the other purpose is a separate code
        assertThat(portal.attemptCode(a.id(), CodePurpose.RESET_PASSWORD, 3, now)).isEmpty();

        portal.storeCode(a.id(), CodePurpose.VERIFY_PHONE, "new-hash", now.plus(Duration.ofMinutes(15)));
        assertThat(portal.attemptCode(a.id(), CodePurpose.VERIFY_PHONE, 3, now)).contains("new-hash");
        assertThat(portal.attemptCode(a.id(), CodePurpose.VERIFY_PHONE, 3, now.plus(Duration.ofMinutes(16)))).isEmpty();
        portal.deleteCode(a.id(), CodePurpose.VERIFY_PHONE);
        assertThat(portal.attemptCode(a.id(), CodePurpose.VERIFY_PHONE, 3, now)).isEmpty();
    }
}
