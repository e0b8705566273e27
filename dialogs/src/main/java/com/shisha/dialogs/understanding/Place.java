package com.shisha.dialogs.understanding;

/**
 * A city or town of India as the gazetteer knows it: {@code name} is the current official English name and the
 * one to store; {@code geonamesId} identifies it for good, since names repeat across states (two Aurangabads).
 */
public record Place(String name, String nameHi, String state, String stateHi, double latitude, double longitude,
                    long population, long geonamesId) {

    /** "Aurangabad, Bihar": tells apart places that share a name. */
    public String nameWithState() {
        return name + ", " + state;
    }
}
