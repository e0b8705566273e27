package com.shisha.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md lists exactly the variables the service reads, so it cannot drift from the code; the README's
 * short table names only variables documented there.
 */
class ConfigurationDocsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** A table row's first cell: one or more `NAME`s. */
    private static final Pattern ROW = Pattern.compile("^\\| ([^|]+) \\|", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("`([A-Z][A-Z0-9_]+)`");
    /** Spring reads these itself, through application*.yml: `${NAME:default}`. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+):");

    /** Read by Spring, not by the loader: the profile, and what application*.yml maps onto Spring's own properties. */
    static Set<String> variablesSpringReads() throws IOException {
        Set<String> names = new TreeSet<>(Set.of("SPRING_PROFILES_ACTIVE"));
        for (String file : new String[]{"application.yml", "application-production.yml"}) {
            try (InputStream in = ConfigurationDocsTest.class.getClassLoader().getResourceAsStream(file)) {
                Matcher m = PLACEHOLDER.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    /** The variables named in the first cell of a markdown file's table rows (after {@code fromHeading}, to the next "## "). */
    static Set<String> tableVariables(Path file, String fromHeading) throws IOException {
        String text = Files.readString(file);
        if (fromHeading != null) {
            int start = text.indexOf(fromHeading);
            assertThat(start).as(fromHeading + " in " + file).isNotNegative();
            int end = text.indexOf("\n## ", start + fromHeading.length());
            text = text.substring(start, end < 0 ? text.length() : end);
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher row = ROW.matcher(text);
        while (row.find()) {
            Matcher name = NAME.matcher(row.group(1));
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    @Test
    void theConfigurationDocumentListsExactlyTheVariablesRead() throws IOException {
        Set<String> documented = new TreeSet<>(tableVariables(ROOT.resolve("docs/configuration.md"), null));
        Set<String> read = new TreeSet<>(ConfigurationValidationTest.variablesRead());
        read.addAll(variablesSpringReads());
        assertThat(documented).as("documented in docs/configuration.md, and read by the service").isEqualTo(read);
    }

    @Test
    void theReadmeTableNamesOnlyDocumentedVariablesAndStaysShort() throws IOException {
        Set<String> documented = tableVariables(ROOT.resolve("docs/configuration.md"), null);
        String readme = Files.readString(ROOT.resolve("README.md"));
        Set<String> inReadme = tableVariables(ROOT.resolve("README.md"), "## Configuration");
        assertThat(inReadme).isNotEmpty();
        assertThat(documented).containsAll(inReadme);
        String table = readme.substring(readme.indexOf("## Configuration"), readme.indexOf("\n## ", readme.indexOf("## Configuration") + 1));
        assertThat(ROW.matcher(table).results().count() - 1).as("rows in the README's table: what a deployment must or commonly sets")
                .isLessThanOrEqualTo(16);
        assertThat(readme).contains("docs/configuration.md");
    }
}
