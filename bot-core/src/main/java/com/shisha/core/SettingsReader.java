package com.shisha.core;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads settings by name (environment variables, or a map in tests) with the checks every module shares; a bad value
 * stops start-up with an {@link InvalidConfigurationException} naming the variable. Blank counts as unset.
 * <p>
 * A name may be read only once per reader: a second read would carry a second default, free to drift from the first.
 * {@link #names()} is every name read, which is what docs/configuration.md must list.
 */
public final class SettingsReader {

    private final Function<String, String> source;
    private final Set<String> names = new LinkedHashSet<>();

    public SettingsReader(Function<String, String> source) {
        this.source = source;
    }

    public static SettingsReader of(Map<String, String> values) {
        return new SettingsReader(values::get);
    }

    /** Every name read so far, in the order read. */
    public Set<String> names() {
        return Collections.unmodifiableSet(names);
    }

    public Optional<String> get(String name) {
        if (!names.add(name)) {
            throw new IllegalStateException(name + " is read twice: give it one factory, one default and one check");
        }
        String v = source.apply(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    public Optional<Path> path(String name) {
        return get(name).map(Path::of);
    }

    /** An absolute URL with one of {@code schemes}, or empty when unset. */
    public Optional<URI> url(String name, String... schemes) {
        return get(name).map(v -> {
            URI uri;
            try {
                uri = URI.create(v);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationException(name, "is not a valid URL: " + e.getMessage());
            }
            if (uri.getScheme() == null || Arrays.stream(schemes).noneMatch(uri.getScheme()::equalsIgnoreCase)) {
                throw new InvalidConfigurationException(name, "must start with " + String.join(":// or ", schemes) + "://");
            }
            return uri;
        });
    }

    public int integer(String name, int fallback, int min, int max) {
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

    /** A whole number of {@code unit}s: {@link #integer} as a duration. */
    public Duration duration(String name, ChronoUnit unit, int fallback, int min, int max) {
        return Duration.of(integer(name, fallback, min, max), unit);
    }

    public boolean bool(String name, boolean fallback) {
        return get(name).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidConfigurationException(name, "must be true or false (was '" + v + "')");
        }).orElse(fallback);
    }

    /** One of {@code choices} (any case, returned as spelled there), or the fallback when unset. */
    public String choice(String name, String fallback, String... choices) {
        return get(name).map(v -> {
            for (String c : choices) {
                if (c.equalsIgnoreCase(v)) {
                    return c;
                }
            }
            throw new InvalidConfigurationException(name, "must be one of " + String.join(", ", choices) + " (was '" + v + "')");
        }).orElse(fallback);
    }
}
