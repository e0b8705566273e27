package com.shisha.persistence.seed;

/**
 * Subscriber numbers that look random but never repeat: i -> (i * M + offset) mod 10^digits is a bijection on
 * [0, 10^digits) because M is coprime to 10, so distinct indices below 10^digits give distinct numbers. Drawing
 * them at random instead would collide (the birthday bound is about 40,000 draws among 10^9 numbers).
 */
final class PhoneNumbers {

    private static final long MULTIPLIER = 7_919_793_457L; // odd and not a multiple of 5

    private PhoneNumbers() {
    }

    static String digits(long index, long offset, int digits) {
        if (digits < 1 || digits > 9) {
            throw new IllegalArgumentException("1 to 9 digits, not " + digits); // so index * multiplier fits a long
        }
        long modulus = (long) Math.pow(10, digits);
        if (index < 0 || index >= modulus) {
            throw new IllegalArgumentException("index " + index + " outside 0.." + (modulus - 1));
        }
        long scrambled = (index * (MULTIPLIER % modulus) + Math.floorMod(offset, modulus)) % modulus;
        return String.format("%0" + digits + "d", scrambled);
    }
}
