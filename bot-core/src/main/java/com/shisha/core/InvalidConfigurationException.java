package com.shisha.core;

/** Thrown at start-up; the message names the environment variable so the operator knows what to fix. */
public class InvalidConfigurationException extends RuntimeException {

    private final String variable;

    public InvalidConfigurationException(String variable, String rule) {
        super(variable + " " + rule);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
