package com.shisha.app;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented production stack is production by default: the profile is on, and no secret has a default
 * (docker compose stops and names a missing one); every variable it reads is named in .env.example.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-?])?");

    @Test
    @SuppressWarnings("unchecked")
    void theAppRunsWithTheProductionProfileAndRequiredSecrets() throws IOException {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        Map<String, Object> doc = new Yaml().load(compose);
        Map<String, Object> app = (Map<String, Object>) ((Map<String, Object>) doc.get("services")).get("app");
        Map<String, Object> env = (Map<String, Object>) app.get("environment");
        assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", "production");
        for (String secret : List.of("SHISHA_JWT_SECRET", "FIREBASE_PROJECT_ID", "TWILIO_AUTH_TOKEN", "TWILIO_ACCOUNT_SID")) {
            assertThat(String.valueOf(env.get(secret))).as(secret).startsWith("${" + secret + ":?");
        }
        Matcher m = VARIABLE.matcher(compose);
        while (m.find()) {
            if (m.group(1).contains("PASSWORD") || m.group(1).contains("SECRET") || m.group(1).contains("TOKEN")) {
                assertThat(m.group(2)).as("%s has no default", m.group(1)).isEqualTo(":?");
            }
        }
    }

    @Test
    void everyVariableTheStackReadsIsInTheExampleEnvironment() throws IOException {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        Set<String> used = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(compose);
        while (m.find()) {
            used.add(m.group(1));
        }
        String example = Files.readString(ROOT.resolve(".env.example"));
        for (String variable : used) {
            assertThat(example).as(".env.example names %s", variable).containsPattern("(?m)^" + variable + "=");
        }
    }
}
