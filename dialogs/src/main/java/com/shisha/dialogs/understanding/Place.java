package com.shisha.dialogs.understanding;
public record Place(String name, String nameHi, String state, String stateHi, double latitude, double longitude, long population) {}
