package com.shisha.ai.leads.sim;

import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.journey.Lead;
import com.shisha.core.journey.Lead.CreditBand;
import com.shisha.core.journey.Lead.IncomeBand;
import com.shisha.core.journey.PartnerContext;
import com.shisha.core.journey.Skill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A SYNTHETIC history of partners contacting leads, for training and evaluating lead scorers while SHISHA has no
 * real outcomes. Nothing here is data: partners, leads and outcomes are drawn from made-up distributions (leads as
 * persistence's LeadGenerator draws them) and each outcome from the hidden probability of {@link GroundTruth}.
 *
 * <p>Deterministic: the same {@link Settings} always give the same contacts in the same order, because every
 * partner draws from its own {@link SplittableRandom} split off the seed's in partner order.
 *
 * <p>Each partner gets a city, one to three products, noisy or missing quiz scores for the skills they really have,
 * and past outcomes per product they sell, which are themselves drawn from the ground truth, so a partner's record
 * carries (noisy) news of their hidden talent. The partner's context is a snapshot taken before the simulated
 * period: contacts in the period do not update it. Then the partner contacts {@code contactsPerPartner} leads:
 * mostly in their own city or state and in products they sell, each lead created up to 30 days before the call.
 */
public final class LeadOutcomeSimulator {

    /**
     * @param seed               decides everything; two seeds give two unrelated histories
     * @param partners           how many partners, with ids 1..partners
     * @param contactsPerPartner contacts per partner in the simulated period
     * @param start              the start of the simulated period, which lasts 180 days
     */
    public record Settings(long seed, int partners, int contactsPerPartner, Instant start) {
        public Settings {
            if (partners < 1 || contactsPerPartner < 1) {
                throw new IllegalArgumentException("need at least one partner and one contact each");
            }
        }
    }

    static final List<String> SOURCES = List.of("gromo_app", "customer_referral", "walk_in", "social_ad",
            "missed_call", "community_camp", "own_contact");

    private static final Duration PERIOD = Duration.ofDays(180);
    private static final long LEAD_MAX_AGE_S = Duration.ofDays(30).toSeconds();
    private static final int MAX_PAST_CONTACTS = 40;
    // the mix of LeadGenerator: loans and insurance asked for most
    private static final Product[] PRODUCTS = Product.values();
    private static final int[] PRODUCT_WEIGHTS = {32, 17, 26, 15, 10};

    private LeadOutcomeSimulator() {
    }

    public static List<Contact> simulate(Settings settings) {
        SplittableRandom root = new SplittableRandom(settings.seed());
        List<Contact> contacts = new ArrayList<>(settings.partners() * settings.contactsPerPartner());
        long[] leadIds = {0};
        for (int i = 1; i <= settings.partners(); i++) {
            SplittableRandom random = root.split();
            Instant before = settings.start();
            SimulatedPartner partner = partner(i, before, random, leadIds);
            for (int k = 0; k < settings.contactsPerPartner(); k++) {
                Instant at = settings.start().plusSeconds(random.nextLong(PERIOD.toSeconds()));
                Lead lead = lead(++leadIds[0], partner, at, random);
                double p = GroundTruth.probability(partner, lead, at);
                contacts.add(new Contact(partner.context(), lead, at, random.nextDouble() < p, p));
            }
        }
        return contacts;
    }

    private static SimulatedPartner partner(long id, Instant before, SplittableRandom random, long[] leadIds) {
        SimCities.City city = SimCities.draw(random);
        Set<Product> products = products(random);
        double talent = random.nextGaussian();
        Map<Product, Double> trueSkill = new EnumMap<>(Product.class);
        Map<Skill, Integer> observed = new HashMap<>();
        for (Product p : Product.values()) {
            boolean sells = products.contains(p);
            double skill = clamp(50 + 12 * talent + 16 * random.nextGaussian() + (sells ? 12 : -8));
            trueSkill.put(p, skill);
            // partners take the quizzes of what they sell far more often
            if (random.nextDouble() < (sells ? 0.75 : 0.35)) {
                observed.put(Skill.of(p), quizScore(skill, random));
            }
        }
        double closing = clamp(50 + 10 * talent + 15 * random.nextGaussian());
        if (random.nextDouble() < 0.6) {
            observed.put(Skill.CLOSING, quizScore(closing, random));
        }
        PartnerContext blank = context(id, city, products, observed, Map.of());
        SimulatedPartner partial = new SimulatedPartner(blank, city, talent, trueSkill, closing);
        Map<Product, PartnerContext.Outcomes> outcomes = new EnumMap<>(Product.class);
        for (Product p : products) {
            // a quarter of partners are new to the product; the rest have worked up to 40 of its leads
            int contacted = random.nextInt(4) == 0 ? 0 : random.nextInt(1, MAX_PAST_CONTACTS + 1);
            int sold = 0;
            for (int k = 0; k < contacted; k++) {
                Instant at = before.minusSeconds(random.nextLong(PERIOD.toSeconds()));
                Lead lead = lead(++leadIds[0], partial, at, random, p);
                if (random.nextDouble() < GroundTruth.probability(partial, lead, at)) {
                    sold++;
                }
            }
            outcomes.put(p, new PartnerContext.Outcomes(contacted, sold));
        }
        return new SimulatedPartner(context(id, city, products, observed, outcomes), city, talent, trueSkill, closing);
    }

    private static PartnerContext context(long id, SimCities.City city, Set<Product> products,
                                          Map<Skill, Integer> skills, Map<Product, PartnerContext.Outcomes> outcomes) {
        return new PartnerContext(id, "+910000000000", "Simulated partner " + id, Language.EN, city.name(),
                List.copyOf(products), skills, outcomes, 0);
    }

    private static Lead lead(long id, SimulatedPartner partner, Instant at, SplittableRandom random) {
        List<Product> sold = partner.context().products();
        Product product = random.nextInt(100) < 70 ? sold.get(random.nextInt(sold.size())) : anyProduct(random);
        return lead(id, partner, at, random, product);
    }

    private static Lead lead(long id, SimulatedPartner partner, Instant at, SplittableRandom random, Product product) {
        int where = random.nextInt(100);
        SimCities.City city = where < 55 ? partner.city()
                : where < 70 ? SimCities.nearby(partner.city(), random) : SimCities.draw(random);
        int age = age(random);
        IncomeBand income = income(city.tier(), random);
        CreditBand credit = credit(age, random);
        String source = SOURCES.get(random.nextInt(SOURCES.size()));
        Instant createdAt = at.minusSeconds(random.nextLong(LEAD_MAX_AGE_S));
        return new Lead(id, "Simulated lead", "+910000000000", random.nextInt(100) < 55 ? 'M' : 'F', age, city.name(),
                city.nameHi(), city.state(), city.tier(), product, income, credit, source, null, null, createdAt, true,
                null);
    }

    /** One to three distinct products (40/40/20), as PartnerGenerator picks them. */
    private static Set<Product> products(SplittableRandom random) {
        int roll = random.nextInt(100);
        int count = roll < 40 ? 1 : roll < 80 ? 2 : 3;
        List<Product> all = new ArrayList<>(List.of(Product.values()));
        Set<Product> chosen = EnumSet.noneOf(Product.class);
        while (chosen.size() < count) {
            chosen.add(all.remove(random.nextInt(all.size())));
        }
        return chosen;
    }

    private static Product anyProduct(SplittableRandom random) {
        return PRODUCTS[pick(PRODUCT_WEIGHTS, random)];
    }

    private static int age(SplittableRandom random) {
        int[][] ranges = {{21, 24}, {25, 34}, {35, 45}, {46, 55}, {56, 65}};
        int[] range = ranges[pick(new int[]{10, 40, 30, 13, 7}, random)];
        return random.nextInt(range[0], range[1] + 1);
    }

    private static IncomeBand income(int tier, SplittableRandom random) {
        int[] weights = switch (tier) {
            case 1 -> new int[]{30, 45, 25};
            case 2 -> new int[]{47, 40, 13};
            default -> new int[]{60, 34, 6};
        };
        return IncomeBand.values()[pick(weights, random)];
    }

    /** NEW, POOR, FAIR, GOOD, EXCELLENT: the young often have no credit history yet. */
    private static CreditBand credit(int age, SplittableRandom random) {
        int[] weights = age < 25 ? new int[]{45, 10, 25, 15, 5}
                : age <= 35 ? new int[]{15, 12, 30, 30, 13} : new int[]{8, 14, 28, 33, 17};
        return CreditBand.values()[pick(weights, random)];
    }

    private static int pick(int[] weights, SplittableRandom random) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        throw new AssertionError("weights must be positive");
    }

    /** A quiz measures the true skill with some noise: ten questions are a small sample. */
    private static int quizScore(double trueSkill, SplittableRandom random) {
        return (int) Math.round(clamp(trueSkill + 8 * random.nextGaussian()));
    }

    private static double clamp(double skill) {
        return Math.max(0, Math.min(100, skill));
    }
}
