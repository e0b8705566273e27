package com.shisha.persistence.seed;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws plausible people: a city weighted by tier (tier 1 30%, tier 2 45%, tier 3 25%, roughly where GroMo's
 * partners and their customers are), a gender, and a first name and surname common in that city's region.
 */
final class Residents {

    record Resident(People.City city, char gender, String name) {
    }

    private final Weighted<List<People.City>> citiesByTier;
    private final People people;

    Residents(People people) {
        this.people = people;
        this.citiesByTier = new Weighted<List<People.City>>()
                .add(ofTier(people, 1), 30).add(ofTier(people, 2), 45).add(ofTier(people, 3), 25);
    }

    Resident draw(SplittableRandom random) {
        List<People.City> cities = citiesByTier.pick(random);
        People.City city = cities.get(random.nextInt(cities.size()));
        char gender = random.nextInt(100) < 55 ? 'M' : 'F';
        People.Names names = people.names().get(city.region());
        List<String> firstNames = gender == 'F' ? names.female() : names.male();
        String name = firstNames.get(random.nextInt(firstNames.size())) + " "
                + names.surnames().get(random.nextInt(names.surnames().size()));
        return new Resident(city, gender, name);
    }

    private static List<People.City> ofTier(People people, int tier) {
        return people.cities().stream().filter(c -> c.tier() == tier).toList();
    }
}
