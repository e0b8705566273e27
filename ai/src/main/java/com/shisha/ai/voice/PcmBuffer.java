package com.shisha.ai.voice;

import java.util.Arrays;

/** A growable array of mono samples; voice notes are decoded into one before resampling. */
final class PcmBuffer {

    private short[] samples;
    private int size;

    PcmBuffer(int initialCapacity) {
        samples = new short[Math.max(16, initialCapacity)];
    }

    void add(short sample) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, samples.length * 2);
        }
        samples[size++] = sample;
    }

    int size() {
        return size;
    }

    /** Drops samples beyond newSize (OGG end trimming). */
    void truncate(int newSize) {
        size = Math.min(size, Math.max(0, newSize));
    }

    short[] array() {
        return samples;
    }
}
