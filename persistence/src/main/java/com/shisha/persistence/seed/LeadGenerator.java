package com.shisha.persistence.seed;

import com.shisha.core.Product;
import com.shisha.core.journey.Lead.CreditBand;
import com.shisha.core.journey.Lead.IncomeBand;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic made-up leads for demos and benchmarks. Deterministic: the same count, seed and {@code now} give
 * the same leads, so a benchmark run can be repeated exactly. Phones are unique within a run (see
 * {@link PhoneNumbers}); the seed shifts them, so runs with different seeds look like different people.
 *
 * <p>The mix is a guess at GroMo's customers, not data: loans and insurance are asked for most; most people
 * earn little (tier-1 cities more), and the young often have no credit history yet.
 */
public final class LeadGenerator {

    private static final int BATCH = 5_000;
    private static final Duration FRESHNESS = Duration.ofDays(30);

    private static final String INSERT = """
            insert into leads (name, phone, gender, age, city, city_hi, state, city_tier, product, income_band,
                               credit_band, source, note_en, note_hi, created_at)
            select name, phone, gender, age, city, city_hi, state, city_tier, product, income_band,
                   credit_band, source, note_en, note_hi, to_timestamp(created_s)
            from unnest(cast(:names as text[]), cast(:phones as text[]), cast(:genders as text[]), cast(:ages as int[]),
                        cast(:cities as text[]), cast(:citiesHi as text[]), cast(:states as text[]), cast(:tiers as int[]),
                        cast(:products as text[]), cast(:incomes as text[]), cast(:credits as text[]),
                        cast(:sources as text[]), cast(:notesEn as text[]), cast(:notesHi as text[]),
                        cast(:created as bigint[]))
                 as t(name, phone, gender, age, city, city_hi, state, city_tier, product, income_band,
                      credit_band, source, note_en, note_hi, created_s)""";

    private record AgeRange(int from, int to) {
    }

    private static final Weighted<AgeRange> AGES = new Weighted<AgeRange>()
            .add(new AgeRange(21, 24), 10).add(new AgeRange(25, 34), 40).add(new AgeRange(35, 45), 30)
            .add(new AgeRange(46, 55), 13).add(new AgeRange(56, 65), 7);

    private static final Weighted<Product> PRODUCTS = new Weighted<Product>()
            .add(Product.LOANS, 32).add(Product.INSURANCE, 26).add(Product.CREDIT_CARDS, 17)
            .add(Product.SAVINGS_ACCOUNTS, 15).add(Product.DEMAT, 10);

    /** Weighted by the tier mix of the cities, these give about LOW 45%, MID 40%, HIGH 15%. */
    private static final Weighted<IncomeBand> INCOME_TIER_1 = income(30, 45, 25);
    private static final Weighted<IncomeBand> INCOME_TIER_2 = income(47, 40, 13);
    private static final Weighted<IncomeBand> INCOME_TIER_3 = income(60, 34, 6);

    private static final Weighted<CreditBand> CREDIT_UNDER_25 = credit(45, 10, 25, 15, 5);
    private static final Weighted<CreditBand> CREDIT_25_TO_35 = credit(15, 12, 30, 30, 13);
    private static final Weighted<CreditBand> CREDIT_OVER_35 = credit(8, 14, 28, 33, 17);

    private final People people;
    private final Residents residents;

    LeadGenerator(People people) {
        this.people = people;
        this.residents = new Residents(people);
    }

    /** A generator over {@code seed/people.json}. */
    public static LeadGenerator fromSeedFiles() {
        return new LeadGenerator(People.load());
    }

    public List<GeneratedLead> generate(int count, long seed, Instant now) {
        Sequence sequence = new Sequence(seed, now);
        List<GeneratedLead> leads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            leads.add(sequence.next());
        }
        return leads;
    }

    /**
     * Inserts {@code count} generated leads (the same ones {@link #generate} returns), {@value #BATCH} per
     * statement: one array parameter per column keeps each batch one round trip with 15 parameters, where a
     * multi-row VALUES would need 75,000 and a JDBC batch one statement per row.
     *
     * @return the number of rows inserted
     */
    public int insertLeads(JdbcClient jdbc, int count, long seed, Instant now) {
        Sequence sequence = new Sequence(seed, now);
        int inserted = 0;
        while (inserted < count) {
            List<GeneratedLead> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH && inserted + i < count; i++) {
                batch.add(sequence.next());
            }
            inserted += insert(jdbc, batch);
        }
        return inserted;
    }

    private static int insert(JdbcClient jdbc, List<GeneratedLead> leads) {
        int n = leads.size();
        String[] names = new String[n], phones = new String[n], genders = new String[n], cities = new String[n];
        String[] citiesHi = new String[n], states = new String[n], products = new String[n], incomes = new String[n];
        String[] credits = new String[n], sources = new String[n], notesEn = new String[n], notesHi = new String[n];
        int[] ages = new int[n], tiers = new int[n];
        long[] created = new long[n];
        for (int i = 0; i < n; i++) {
            GeneratedLead l = leads.get(i);
            names[i] = l.name();
            phones[i] = l.phone();
            genders[i] = String.valueOf(l.gender());
            ages[i] = l.age();
            cities[i] = l.city();
            citiesHi[i] = l.cityHi();
            states[i] = l.state();
            tiers[i] = l.cityTier();
            products[i] = l.product().name();
            incomes[i] = l.income().name();
            credits[i] = l.credit().name();
            sources[i] = l.source();
            notesEn[i] = l.noteEn();
            notesHi[i] = l.noteHi();
            created[i] = l.createdAt().getEpochSecond();
        }
        return jdbc.sql(INSERT)
                .param("names", names).param("phones", phones).param("genders", genders).param("ages", ages)
                .param("cities", cities).param("citiesHi", citiesHi).param("states", states).param("tiers", tiers)
                .param("products", products).param("incomes", incomes).param("credits", credits)
                .param("sources", sources).param("notesEn", notesEn).param("notesHi", notesHi)
                .param("created", created)
                .update();
    }

    private static Weighted<IncomeBand> income(int low, int mid, int high) {
        return new Weighted<IncomeBand>().add(IncomeBand.LOW, low).add(IncomeBand.MID, mid).add(IncomeBand.HIGH, high);
    }

    private static Weighted<CreditBand> credit(int fresh, int poor, int fair, int good, int excellent) {
        return new Weighted<CreditBand>().add(CreditBand.NEW, fresh).add(CreditBand.POOR, poor)
                .add(CreditBand.FAIR, fair).add(CreditBand.GOOD, good).add(CreditBand.EXCELLENT, excellent);
    }

    /** One run's random stream; lead i is the i-th call of next(), however the run is batched. */
    private final class Sequence {

        private final SplittableRandom random;
        private final long phoneOffset;
        private final Instant now;
        private int index;

        Sequence(long seed, Instant now) {
            this.random = new SplittableRandom(seed);
            this.phoneOffset = random.nextLong();
            // whole seconds, so a lead read back from the database equals the generated one
            this.now = now.truncatedTo(ChronoUnit.SECONDS);
        }

        GeneratedLead next() {
            Residents.Resident who = residents.draw(random);
            AgeRange range = AGES.pick(random);
            int age = random.nextInt(range.from(), range.to() + 1);
            Product product = PRODUCTS.pick(random);
            IncomeBand income = (switch (who.city().tier()) {
                case 1 -> INCOME_TIER_1;
                case 2 -> INCOME_TIER_2;
                default -> INCOME_TIER_3;
            }).pick(random);
            CreditBand credit = (age < 25 ? CREDIT_UNDER_25 : age <= 35 ? CREDIT_25_TO_35 : CREDIT_OVER_35).pick(random);
            String source = people.sourceCodes().get(random.nextInt(people.sourceCodes().size()));
            List<People.Note> notes = people.notes().get(product);
            People.Note note = notes.get(random.nextInt(notes.size()));
            // Indian mobile numbers start with 6-9; the other nine digits are unique per index
            String phone = "+91" + (6 + random.nextInt(4)) + PhoneNumbers.digits(index++, phoneOffset, 9);
            Instant createdAt = now.minusSeconds(random.nextLong(FRESHNESS.toSeconds()));
            return new GeneratedLead(who.name(), phone, who.gender(), age, who.city().name(), who.city().nameHi(),
                    who.city().state(), who.city().tier(), product, income, credit, source, note.en(), note.hi(),
                    createdAt);
        }
    }
}
