package com.shisha.persistence.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A discrete distribution: items with integer weights (percentages, usually). Items keep the order they were
 * added in, so the same random stream always picks the same items (a HashMap's order would not guarantee it).
 */
final class Weighted<T> {

    private final List<T> items = new ArrayList<>();
    private final List<Integer> upperBounds = new ArrayList<>();
    private int total;

    Weighted<T> add(T item, int weight) {
        if (weight <= 0) {
            throw new IllegalArgumentException("weight of " + item + " must be positive");
        }
        total += weight;
        items.add(item);
        upperBounds.add(total);
        return this;
    }

    T pick(SplittableRandom random) {
        int r = random.nextInt(total);
        for (int i = 0; ; i++) {
            if (r < upperBounds.get(i)) {
                return items.get(i);
            }
        }
    }
}
