package com.shisha.core;

/** The one JSON error shape every HTTP endpoint answers with. */
public record ApiError(String error, String message, int status) {
}
