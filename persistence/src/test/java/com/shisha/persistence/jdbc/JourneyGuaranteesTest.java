package com.shisha.persistence.jdbc;

import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.journey.JourneyEffect;
import com.shisha.core.journey.JourneyUpdate;
import com.shisha.core.journey.LeadMatcher;
import com.shisha.core.journey.LeadScorer;
import com.shisha.core.journey.PartnerContext;
import com.shisha.core.journey.Skill;
import com.shisha.persistence.seed.JourneySeeder;
import com.shisha.persistence.seed.LeadGenerator;
import com.shisha.persistence.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The journey's concurrency guarantees, against real PostgreSQL: one badge per partner, one holder per lead. */
class JourneyGuaranteesTest {

    private JdbcClient jdbc;
    private TransactionTemplate tx;

    @BeforeEach
    void freshDatabase() {
        DataSource dataSource = TestDatabase.freshDataSource();
        jdbc = JdbcClient.create(dataSource);
        tx = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        JourneySeeder.fromSeedFiles().seedContent(jdbc); // quiz answers refer to the questions
    }

    private long partner(String phone, String city, String products) {
        return jdbc.sql("""
                        insert into partners (phone, name, language, city, products, onboarded_at)
                        values (:phone, 'Test Partner', 'en', :city, string_to_array(:products, ','), now()) returning id""")
                .param("phone", phone).param("city", city).param("products", products)
                .query(Long.class).single();
    }

    @Test
    void concurrentQuizCompletionsOfOnePartnerAwardEachBadgeOnce() throws Exception {
        long p = partner("+919700000001", "Indore", "INSURANCE");
        JourneyEffectsWriter writer = new JourneyEffectsWriter(jdbc, new Json());
        JourneyUpdate update = new JourneyUpdate(p, List.of(new JourneyEffect.QuizCompleted(Instant.now(),
                List.of(new JourneyEffect.Answer("insurance-01", Skill.INSURANCE, 'A', true)), Map.of(Skill.INSURANCE, 100))),
                awards -> "");
        List<List<JourneyUpdate.Award>> results = race(8, () -> tx.execute(status -> writer.apply(update)));

        List<String> awarded = results.stream().flatMap(List::stream).map(JourneyUpdate.Award::code).toList();
        assertThat(awarded).as("announced across all racing turns").containsOnlyOnce("FIRST_QUIZ", "WEEK_QUIZ_1");
        assertThat(jdbc.sql("select count(*) from partner_achievements where partner_id = :p").param("p", p)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select points from partners where id = :p").param("p", p).query(Integer.class).single())
                .as("FIRST_QUIZ (20) and the weekly quiz quest (15), once each").isEqualTo(35);
        assertThat(jdbc.sql("select array_agg(attempt_no order by attempt_no) from quiz_attempts where partner_id = :p")
                .param("p", p).query((rs, n) -> List.of((Integer[]) rs.getArray(1).getArray())).single())
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void racingPartnersNeverGetTheSameLead() throws Exception {
        LeadGenerator.fromSeedFiles().insertLeads(jdbc, 200, 7, Instant.now());
        JdbcJourney journey = new JdbcJourney(jdbc);
        // ranks by freshness only, so every partner wants the same leads first: the worst case for the reservation
        LeadScorer newestFirst = (partner, lead, now) -> new LeadScorer.Score(
                1.0 / (1 + Math.max(0, now.getEpochSecond() - lead.createdAt().getEpochSecond()) / 3600.0), List.of("newest"));
        LeadMatcher matcher = new LeadMatcher(journey, newestFirst, Clock.systemUTC());
        int partners = 12;
        List<PartnerContext> contexts = new ArrayList<>();
        for (int i = 0; i < partners; i++) {
            long id = partner(String.format("+9197000001%02d", i), "Indore", "LOANS,INSURANCE,CREDIT_CARDS,SAVINGS_ACCOUNTS,DEMAT");
            contexts.add(new PartnerContext(id, "+9197", "P", Language.EN, "Indore", List.of(Product.values()), Map.of(), Map.of(), 0));
        }
        List<Callable<List<Long>>> offers = new ArrayList<>();
        for (PartnerContext c : contexts) {
            offers.add(() -> matcher.offer(c, 3).stream().map(r -> r.lead().id()).toList());
        }
        List<List<Long>> offered = raceAll(offers);

        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < partners; i++) {
            assertThat(offered.get(i)).as("partner %d gets three leads", i).hasSize(3);
            for (long lead : offered.get(i)) {
                assertThat(seen.add(lead)).as("lead %d offered to two partners", lead).isTrue();
                assertThat(journey.heldLead(contexts.get(i).id(), lead)).as("held by the partner it was offered to").isPresent();
            }
        }
    }

    @Test
    void aPartnerAskingAgainAndAgainHoldsAtMostNineLeads() {
        LeadGenerator.fromSeedFiles().insertLeads(jdbc, 200, 11, Instant.now());
        JdbcJourney journey = new JdbcJourney(jdbc);
        LeadScorer newestFirst = (partner, lead, now) -> new LeadScorer.Score(
                1.0 / (1 + Math.max(0, now.getEpochSecond() - lead.createdAt().getEpochSecond()) / 3600.0), List.of("newest"));
        // the worst case for hoarding: a scorer that always prefers leads nobody holds yet
        LeadScorer freeFirst = (partner, lead, now) -> new LeadScorer.Score(
                (lead.assignedTo() == null ? 0.5 : 0) + newestFirst.score(partner, lead, now).value() / 2, List.of("free first"));
        LeadMatcher matcher = new LeadMatcher(journey, freeFirst, Clock.systemUTC());
        // a town without leads: the partner's own town ranks first whatever the scorer says, and would hand back
        // the leads held already instead of the free ones this worst case is about
        long id = partner("+919700000201", "Mhow", "LOANS,INSURANCE,CREDIT_CARDS,SAVINGS_ACCOUNTS,DEMAT");
        PartnerContext p = new PartnerContext(id, "+919700000201", "P", Language.EN, "Mhow", List.of(Product.values()),
                Map.of(), Map.of(), 0);
        for (int i = 0; i < 6; i++) {
            assertThat(matcher.offer(p, 3)).hasSize(3);
        }
        assertThat(journey.heldLeads(id)).hasSize(LeadMatcher.MAX_HELD);
    }

    private static <T> List<T> race(int threads, Callable<T> task) throws Exception {
        return raceAll(Collections.nCopies(threads, task));
    }

    /** Starts all tasks at the same instant, so they really overlap. */
    private static <T> List<T> raceAll(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
