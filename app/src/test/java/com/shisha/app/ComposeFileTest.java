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

    /**
     * The stack as a compose client reads it (no engine needed): with every variable of .env.example filled in it
     * is valid; with none, the client stops and names the first secret that is missing.
     */
    @Test
    void aComposeClientAcceptsTheStackOnlyWithItsSecrets() throws Exception {
        int ensured = run(List.of("sh", ROOT.resolve("scripts/ensure-docker-compose.sh").toString()), null).exit();
        org.junit.jupiter.api.Assumptions.assumeTrue(ensured != 2, "\n" + "!".repeat(100)
                + "\nSKIPPED: no docker compose client here (needs root and apt-get; see scripts/ensure-docker-compose.sh)\n"
                + "!".repeat(100));
        assertThat(ensured).as("scripts/ensure-docker-compose.sh").isZero();
        List<String> client = new java.util.ArrayList<>(hasCommand("docker-compose") ? List.of("docker-compose") : List.of("docker", "compose"));
        Path env = Files.createTempFile("shisha-compose", ".env");
        StringBuilder filled = new StringBuilder();
        for (String line : Files.readAllLines(ROOT.resolve(".env.example"))) {
            filled.append(line.matches("[A-Z0-9_]+=") ? line + "value-for-the-check-0123456789abcdef" : line).append('\n');
        }
        Files.writeString(env, filled);
        List<String> check = new java.util.ArrayList<>(client);
        check.addAll(List.of("--env-file", env.toString(), "-f", ROOT.resolve("docker-compose.yml").toString(), "config", "-q"));
        Result valid = run(check, null);
        assertThat(valid.exit()).as("compose config with .env.example filled in: %s", valid.output()).isZero();

        Path empty = Files.createTempFile("shisha-compose-empty", ".env");
        List<String> missing = new java.util.ArrayList<>(client);
        missing.addAll(List.of("--env-file", empty.toString(), "-f", ROOT.resolve("docker-compose.yml").toString(), "config", "-q"));
        Result refused = run(missing, Map.of());
        assertThat(refused.exit()).as("compose config without the secrets").isNotZero();
        assertThat(refused.output()).contains("see .env.example");
    }

    private record Result(int exit, String output) {
    }

    /** @param env null: this process's environment; otherwise only PATH and these */
    private static Result run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        if (env != null) {
            String path = System.getenv("PATH");
            pb.environment().clear();
            pb.environment().put("PATH", path);
            pb.environment().putAll(env);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        boolean done = p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " did not finish: " + out);
        }
        return new Result(p.exitValue(), out);
    }

    private static boolean hasCommand(String name) {
        for (String dir : System.getenv("PATH").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }
}
