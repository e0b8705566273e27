package com.shisha.ai.leads.sim;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A sample of the seed data's cities (persistence's seed/people.json), copied because {@code ai} must not depend
 * on {@code persistence}. Drawn by tier as the lead generator does: tier 1 30%, tier 2 45%, tier 3 25%.
 */
final class SimCities {

    record City(String name, String nameHi, String state, int tier) {
    }

    static final List<City> ALL = List.of(
            new City("Mumbai", "मुंबई", "Maharashtra", 1), new City("Delhi", "दिल्ली", "Delhi", 1),
            new City("Bengaluru", "बेंगलुरु", "Karnataka", 1), new City("Hyderabad", "हैदराबाद", "Telangana", 1),
            new City("Pune", "पुणे", "Maharashtra", 1), new City("Ahmedabad", "अहमदाबाद", "Gujarat", 1),
            new City("Jaipur", "जयपुर", "Rajasthan", 2), new City("Lucknow", "लखनऊ", "Uttar Pradesh", 2),
            new City("Kanpur", "कानपुर", "Uttar Pradesh", 2), new City("Indore", "इंदौर", "Madhya Pradesh", 2),
            new City("Bhopal", "भोपाल", "Madhya Pradesh", 2), new City("Surat", "सूरत", "Gujarat", 2),
            new City("Nagpur", "नागपुर", "Maharashtra", 2), new City("Coimbatore", "कोयंबटूर", "Tamil Nadu", 2),
            new City("Patna", "पटना", "Bihar", 2), new City("Jodhpur", "जोधपुर", "Rajasthan", 2),
            new City("Hapur", "हापुड़", "Uttar Pradesh", 3), new City("Bhilwara", "भीलवाड़ा", "Rajasthan", 3),
            new City("Ujjain", "उज्जैन", "Madhya Pradesh", 3), new City("Sagar", "सागर", "Madhya Pradesh", 3),
            new City("Jalgaon", "जलगांव", "Maharashtra", 3), new City("Anand", "आणंद", "Gujarat", 3),
            new City("Gaya", "गया", "Bihar", 3), new City("Guntur", "गुंटूर", "Andhra Pradesh", 3));

    private static final List<List<City>> BY_TIER = List.of(ofTier(1), ofTier(2), ofTier(3));
    private static final int[] TIER_WEIGHTS = {30, 45, 25};

    private SimCities() {
    }

    static City draw(SplittableRandom random) {
        int roll = random.nextInt(100);
        int tier = roll < TIER_WEIGHTS[0] ? 0 : roll < TIER_WEIGHTS[0] + TIER_WEIGHTS[1] ? 1 : 2;
        List<City> cities = BY_TIER.get(tier);
        return cities.get(random.nextInt(cities.size()));
    }

    /** Another city in the same state if there is one, else any city: partners get leads from nearby towns. */
    static City nearby(City home, SplittableRandom random) {
        List<City> sameState = ALL.stream().filter(c -> c.state().equals(home.state()) && !c.equals(home)).toList();
        return sameState.isEmpty() ? draw(random) : sameState.get(random.nextInt(sameState.size()));
    }

    private static List<City> ofTier(int tier) {
        return ALL.stream().filter(c -> c.tier() == tier).toList();
    }
}
