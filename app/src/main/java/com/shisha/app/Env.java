package com.shisha.app;

import com.shisha.core.InvalidConfigurationException;
import org.springframework.core.env.Environment;

import java.net.URI;
import java.util.Optional;

/** Reads the environment variables docs/configuration.md documents, by their names, with validation that names them. */
final class Env {

    private final Environment env;

    Env(Environment env) {
        this.env = env;
    }

    /** SHISHA_DATA_DIR: the embedded servers' data, the caches, the downloaded speech models, the intake journal. */
    java.nio.file.Path dataDir() {
        return java.nio.file.Path.of(get("SHISHA_DATA_DIR").orElse("data"));
    }

    Optional<String> get(String name) {
        String v = env.getProperty(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    Optional<URI> url(String name, String... schemes) {
        return get(name).map(v -> {
            URI uri;
            try {
                uri = URI.create(v);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationException(name, "is not a valid URL: " + e.getMessage());
            }
            if (uri.getScheme() == null || java.util.Arrays.stream(schemes).noneMatch(uri.getScheme()::equalsIgnoreCase)) {
                throw new InvalidConfigurationException(name, "must start with " + String.join(":// or ", schemes) + "://");
            }
            return uri;
        });
    }

    int integer(String name, int fallback, int min, int max) {
        return get(name).map(v -> {
            try {
                int n = Integer.parseInt(v);
                if (n < min || n > max) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new InvalidConfigurationException(name, "must be a whole number from " + min + " to " + max + " (was '" + v + "')");
            }
        }).orElse(fallback);
    }

    boolean bool(String name, boolean fallback) {
        return get(name).map(v -> switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidConfigurationException(name, "must be true or false (was '" + v + "')");
        }).orElse(fallback);
    }

    /** One of {@code choices} (any case), or the fallback when unset. */
    String choice(String name, String fallback, String... choices) {
        return get(name).map(v -> {
            for (String c : choices) {
                if (c.equalsIgnoreCase(v.trim())) {
                    return c;
                }
            }
            throw new InvalidConfigurationException(name, "must be one of " + String.join(", ", choices) + " (was '" + v + "')");
        }).orElse(fallback);
    }
}
