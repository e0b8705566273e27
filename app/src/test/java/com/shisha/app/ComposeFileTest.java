package com.shisha.app;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented production stack (docker-compose.yml, deploy/, .env.example) as an operator gets it: production by
 * default, two app instances that only Caddy reaches, trusted forwarded headers from Caddy alone, recordings in MinIO
 * at a public name, every piece of state on a named volume, the models fetched by a setup step, and no secret with a
 * default. The raw files are read here; a compose client (no engine needed) and Caddy check that they really parse.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-?])?");
    private static final String FILLED = "value-for-the-check-0123456789abcdef";

    private static String compose;
    private static Map<String, Map<String, Object>> services;
    private static Map<String, Object> doc;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        doc = new Yaml().load(compose);
        services = (Map<String, Map<String, Object>>) doc.get("services");
    }

    /** The app's instances: the services built from this repository's Dockerfile. */
    private static Map<String, Map<String, Object>> apps() {
        Map<String, Map<String, Object>> apps = new HashMap<>();
        services.forEach((name, service) -> {
            if (service.containsKey("build")) {
                apps.put(name, service);
            }
        });
        return apps;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> env(Map<String, Object> service) {
        Object env = service.get("environment");
        return env == null ? Map.of() : (Map<String, Object>) env;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        return value == null ? List.of() : ((List<Object>) value).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @Test
    void twoInstancesOfTheAppRunWithTheProductionProfileAndRequiredSecrets() {
        Map<String, Map<String, Object>> apps = apps();
        assertThat(apps.keySet()).as("app instances (services built from the Dockerfile)").hasSizeGreaterThanOrEqualTo(2);
        for (var app : apps.entrySet()) {
            Map<String, Object> env = env(app.getValue());
            assertThat(env).as(app.getKey()).containsEntry("SPRING_PROFILES_ACTIVE", "production");
            for (String secret : List.of("SHISHA_JWT_SECRET", "FIREBASE_PROJECT_ID", "TWILIO_AUTH_TOKEN", "TWILIO_ACCOUNT_SID",
                    "TWILIO_WHATSAPP_FROM", "S3_SECRET_ACCESS_KEY", "S3_ACCESS_KEY_ID")) {
                assertThat(String.valueOf(env.get(secret))).as("%s of %s", secret, app.getKey()).startsWith("${" + secret + ":?");
            }
            assertThat(String.valueOf(env.get("DATABASE_URL"))).as(app.getKey()).contains("${POSTGRES_PASSWORD:?");
            // a session signed by one instance is checked by the other
            assertThat(env.get("SHISHA_JWT_SECRET")).isEqualTo(env(apps.values().iterator().next()).get("SHISHA_JWT_SECRET"));
        }
        Matcher m = VARIABLE.matcher(compose);
        while (m.find()) {
            if (m.group(1).contains("PASSWORD") || m.group(1).contains("SECRET") || m.group(1).contains("TOKEN")) {
                assertThat(m.group(2)).as("%s has no default", m.group(1)).isEqualTo(":?");
            }
        }
    }

    /**
     * Only the proxy is reachable from outside. The management port listens on the stack's own network for Prometheus,
     * and is neither published nor proxied (the monitoring test checks Caddy never dials it).
     */
    @Test
    void onlyTheProxyPublishesPorts() {
        for (var service : services.entrySet()) {
            if (!service.getKey().equals("caddy")) {
                assertThat(service.getValue()).as("%s publishes no port", service.getKey()).doesNotContainKey("ports");
                assertThat(service.getValue().get("network_mode")).as(service.getKey()).isNotEqualTo("host");
            }
        }
        assertThat(list(services.get("caddy").get("ports"))).contains("80:80", "443:443");
        for (var app : apps().entrySet()) {
            assertThat(app.getValue()).as("%s is reached through Caddy only", app.getKey()).doesNotContainKey("expose");
        }
    }

    /** Tomcat believes X-Forwarded-For from exactly the proxy's address, which no other container can be given. */
    @Test
    void theAppsBelieveForwardedHeadersFromTheProxyOnly() throws Exception {
        Map<String, Object> caddyNet = map(map(services.get("caddy").get("networks")).get("default"));
        String proxy = String.valueOf(caddyNet.get("ipv4_address"));
        for (var app : apps().entrySet()) {
            assertThat(env(app.getValue()).get("SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES")).as(app.getKey()).isEqualTo(proxy + "/32");
            assertThat(app.getValue()).as("%s is on the default network", app.getKey()).doesNotContainKey("networks");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> pool = ((List<Map<String, Object>>) map(map(map(doc.get("networks")).get("default")).get("ipam")).get("config")).get(0);
        assertThat(inBlock(proxy, String.valueOf(pool.get("subnet")))).as("%s in the subnet", proxy).isTrue();
        assertThat(inBlock(proxy, String.valueOf(pool.get("ip_range")))).as("%s is never handed to another container", proxy).isFalse();
    }

    private static boolean inBlock(String address, String cidr) throws Exception {
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        BigInteger a = new BigInteger(1, InetAddress.getByName(address).getAddress());
        BigInteger net = new BigInteger(1, InetAddress.getByName(parts[0]).getAddress());
        return a.shiftRight(32 - bits).equals(net.shiftRight(32 - bits));
    }

    /** The apps use MinIO inside the network; upload URLs are signed for the public name Caddy serves and passes on. */
    @Test
    void recordingsGoToMinioAtAPublicName() throws IOException {
        Map<String, Object> setup = env(services.get("minio-setup"));
        Map<String, Object> minio = env(services.get("minio"));
        for (var app : apps().entrySet()) {
            Map<String, Object> env = env(app.getValue());
            assertThat(env.get("S3_ENDPOINT")).as(app.getKey()).isEqualTo("http://minio:9000");
            assertThat(String.valueOf(env.get("S3_PUBLIC_ENDPOINT"))).as(app.getKey()).startsWith("https://s3.${SHISHA_DOMAIN:?");
            assertThat(String.valueOf(env.get("PUBLIC_BASE_URL"))).as(app.getKey()).startsWith("https://${SHISHA_DOMAIN:?");
            assertThat(env.get("S3_BUCKET")).as("the bucket minio-setup makes").isEqualTo(setup.get("S3_BUCKET"));
            assertThat(env.get("S3_REGION")).as("the region MinIO checks signatures for").isEqualTo(minio.get("MINIO_SITE_REGION"));
            assertThat(env.get("S3_ACCESS_KEY_ID")).as("the key minio-setup creates").isEqualTo(setup.get("S3_ACCESS_KEY_ID"));
            assertThat(env.get("S3_SECRET_ACCESS_KEY")).isEqualTo(setup.get("S3_SECRET_ACCESS_KEY"));
            assertThat(env.get("S3_ACCESS_KEY_ID")).as("the apps' key is not MinIO's administrator").isNotEqualTo(minio.get("MINIO_ROOT_USER"));
            assertThat(map(map(app.getValue().get("depends_on")).get("minio-setup")))
                    .as("%s starts once the bucket exists", app.getKey()).containsEntry("condition", "service_completed_successfully");
        }
        assertThat(list(services.get("minio-setup").get("entrypoint"))).contains("/shisha-deploy/minio-setup.sh");
        String script = Files.readString(ROOT.resolve("deploy/minio-setup.sh"));
        assertThat(script).contains("mc mb --ignore-existing", "mc admin user add", "mc admin policy attach");
    }

    /** Each instance has a data volume of its own (the intake journal refuses a second instance on its directory). */
    @Test
    void everythingThatMustSurviveIsOnANamedVolume() {
        Map<String, String> mustPersist = new HashMap<>(Map.of("postgres", "/var/lib/postgresql/data", "redis", "/data",
                "mongo", "/data/db", "minio", "/data", "ollama", "/root/.ollama", "fetch-vosk-models", "/models"));
        Set<String> declared = map(doc.get("volumes")).keySet();
        Set<String> appVolumes = new HashSet<>();
        for (var app : apps().entrySet()) {
            String data = source(app.getKey(), "/app/data");
            assertThat(appVolumes.add(data)).as("%s has a data volume of its own, not %s", app.getKey(), data).isTrue();
            assertThat(declared).contains(data);
            assertThat(list(app.getValue().get("volumes"))).as(app.getKey()).contains("voskmodels:/models:ro");
        }
        mustPersist.forEach((service, target) -> assertThat(declared).as("%s:%s", service, target).contains(source(service, target)));
        assertThat(declared).contains(source("caddy", "/data"), source("caddy", "/config"));
        assertThat(list(services.get("redis").get("command"))).as("Redis keeps an append-only file").contains("--appendonly", "yes");
    }

    private static String source(String service, String target) {
        for (String volume : list(services.get(service).get("volumes"))) {
            String[] parts = volume.split(":");
            if (parts.length >= 2 && parts[1].equals(target)) {
                return parts[0];
            }
        }
        throw new AssertionError(service + " mounts nothing at " + target);
    }

    /** Prometheus reaches every instance's management port inside the network; Grafana reads Prometheus, behind a sign-in. */
    @Test
    void monitoringScrapesEveryInstanceAndShowsTheDashboard() throws IOException {
        String scrape = Files.readString(ROOT.resolve("deploy/prometheus.yml"));
        assertThat(scrape).contains("metrics_path: /actuator/prometheus");
        for (var app : apps().entrySet()) {
            assertThat(scrape).as("Prometheus scrapes %s", app.getKey()).contains("\"" + app.getKey() + ":8081\"");
            assertThat(env(app.getValue())).containsEntry("SHISHA_MANAGEMENT_ADDRESS", "0.0.0.0");
        }
        assertThat(map(services.get("grafana").get("environment"))).containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "false")
                .containsEntry("GF_USERS_ALLOW_SIGN_UP", "false");
        assertThat(Files.readString(ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml"))).contains("url: http://prometheus:9090");
        assertThat(list(services.get("grafana").get("volumes"))).contains("./deploy/grafana/dashboards:/var/lib/grafana/dashboards:ro");
        Set<String> declared = map(doc.get("volumes")).keySet();
        assertThat(declared).contains(source("prometheus", "/prometheus"), source("grafana", "/var/lib/grafana"));
        String caddy = Files.readString(ROOT.resolve("deploy/Caddyfile"));
        assertThat(caddy).contains("reverse_proxy grafana:3000").doesNotContain(":8081");
    }

    /** Each instance opens its pool plus 4 group-commit writers (docs/operations.md, "Sizing"). */
    @Test
    void postgresAcceptsTheConnectionsOfEveryInstance() {
        int needed = 0;
        for (var app : apps().entrySet()) {
            needed += Integer.parseInt(String.valueOf(env(app.getValue()).get("SHISHA_DB_POOL_SIZE"))) + 4;
        }
        String max = list(services.get("postgres").get("command")).stream().filter(a -> a.startsWith("max_connections="))
                .findFirst().orElseThrow(() -> new AssertionError("postgres sets max_connections"));
        assertThat(Integer.parseInt(max.substring("max_connections=".length()))).isGreaterThan(needed);
    }

    @Test
    void theModelsAreFetchedByASetupStep() throws IOException {
        Map<String, Object> vosk = services.get("fetch-vosk-models");
        Map<String, Object> coach = services.get("fetch-coach-model");
        assertThat(list(vosk.get("profiles"))).as("`up` does not download models").containsExactly("setup");
        assertThat(list(coach.get("profiles"))).containsExactly("setup");
        String modelsDir = String.valueOf(env(vosk).get("VOSK_DIR"));
        assertThat(source("fetch-vosk-models", modelsDir)).isEqualTo("voskmodels");
        assertThat(list(vosk.get("entrypoint"))).contains("/shisha-scripts/fetch-vosk-models.sh");
        String fetch = Files.readString(ROOT.resolve("scripts/fetch-vosk-models.sh"));
        for (var app : apps().entrySet()) {
            for (String variable : List.of("VOSK_MODEL_PATH", "VOSK_MODEL_PATH_HI")) {
                String path = String.valueOf(env(app.getValue()).get(variable));
                assertThat(path).as("%s of %s", variable, app.getKey()).startsWith("/models/");
                assertThat(fetch).as("the fetch step provides %s", path).contains(path.substring("/models/".length()) + " ");
            }
            assertThat(env(app.getValue()).get("OLLAMA_MODEL")).isEqualTo("shisha-coach");
        }
        assertThat(list(coach.get("entrypoint"))).contains("/shisha-ollama/pull.sh");
        assertThat(env(coach).get("OLLAMA_HOST")).isEqualTo("http://ollama:11434");
        assertThat(Files.readString(ROOT.resolve("ollama/pull.sh"))).contains("ollama create shisha-coach -f \"$HERE/Modelfile\"");
    }

    /** The checks of the fetch step can fail: an archive that is not the published one is refused and not unpacked. */
    @Test
    void theModelFetchRefusesAnArchiveThatIsNotThePublishedOne() throws Exception {
        Assumptions.assumeTrue(hasCommand("curl") && hasCommand("md5sum"), "needs curl and md5sum");
        Path dir = Files.createTempDirectory("shisha-vosk");
        Path archive = dir.resolve("vosk-model-small-hi-0.22.zip");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(archive))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("vosk-model-small-hi-0.22/am/final.mdl"));
            zip.write("not the published model".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Map<String, String> env = Map.of("VOSK_DIR", dir.resolve("models").toString(), "VOSK_BASE_URL", "file://" + dir,
                "VOSK_MODELS", "vosk-model-small-hi-0.22 44458845 80f1265262c9a8a515f2707498e1b485",
                "VOSK_SHA256_FILE", ROOT.resolve("deploy/vosk-models.sha256").toString());
        Result refused = run(List.of("sh", ROOT.resolve("scripts/fetch-vosk-models.sh").toString()), env);
        assertThat(refused.exit()).as(refused.output()).isNotZero();
        assertThat(refused.output()).contains("alphacephei lists 44458845: refused");
        assertThat(dir.resolve("models/vosk-model-small-hi-0.22")).doesNotExist();
    }

    /** The main site spreads requests over every instance; recordings go to MinIO; nothing else is served. */
    @Test
    void theCaddyfileRoutesToEveryInstanceAndToMinio() throws IOException {
        String caddyfile = Files.readString(ROOT.resolve("deploy/Caddyfile"));
        assertThat(list(services.get("caddy").get("volumes"))).contains("./deploy/Caddyfile:/etc/caddy/Caddyfile:ro");
        Set<String> upstreams = new TreeSet<>();
        Matcher site = Pattern.compile("(?m)^\\{\\$SHISHA_DOMAIN} \\{\\n(.*?)^}", Pattern.DOTALL).matcher(caddyfile);
        assertThat(site.find()).as("a site block for {$SHISHA_DOMAIN}").isTrue();
        Matcher proxy = Pattern.compile("reverse_proxy ([^{\\n]+)").matcher(site.group(1));
        assertThat(proxy.find()).isTrue();
        upstreams.addAll(List.of(proxy.group(1).trim().split("\\s+")));
        assertThat(upstreams).isEqualTo(apps().keySet().stream().map(a -> a + ":8080").collect(Collectors.toCollection(TreeSet::new)));
        Matcher s3 = Pattern.compile("(?m)^s3\\.\\{\\$SHISHA_DOMAIN} \\{\\n(.*?)^}", Pattern.DOTALL).matcher(caddyfile);
        assertThat(s3.find()).as("a site block for s3.{$SHISHA_DOMAIN}").isTrue();
        assertThat(s3.group(1)).contains("reverse_proxy minio:9000", "streaming", "Snowball");
        Matcher grafana = Pattern.compile("(?m)^grafana\\.\\{\\$SHISHA_DOMAIN} \\{\\n(.*?)^}", Pattern.DOTALL).matcher(caddyfile);
        assertThat(grafana.find()).as("a site block for grafana.{$SHISHA_DOMAIN}").isTrue();
        assertThat(grafana.group(1).strip()).isEqualTo("reverse_proxy grafana:3000");
        assertThat(caddyfile.lines().filter(l -> l.matches("^\\S.*\\{\\s*$")).count()).as("site blocks").isEqualTo(3);
    }

    /** Caddy itself reads the Caddyfile: the routes as it will run them. */
    @Test
    @SuppressWarnings("unchecked")
    void caddyAcceptsTheCaddyfile() throws Exception {
        Path home = Files.createTempDirectory("shisha-caddy");
        Path log = home.resolve("caddy.log");
        Process ensuring = new ProcessBuilder("sh", ROOT.resolve("scripts/ensure-caddy.sh").toString()).directory(ROOT.toFile())
                .redirectError(log.toFile()).start();
        String found = new String(ensuring.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(ensuring.waitFor(5, TimeUnit.MINUTES)).isTrue();
        Assumptions.assumeTrue(ensuring.exitValue() != 2, "\n" + "!".repeat(100)
                + "\nSKIPPED: no caddy here (needs root and apt-get; see scripts/ensure-caddy.sh)\n" + "!".repeat(100));
        assertThat(ensuring.exitValue()).as("scripts/ensure-caddy.sh: %s", Files.readString(log)).isZero();
        String caddy = found.lines().reduce((first, last) -> last).orElseThrow();
        Map<String, String> env = Map.of("SHISHA_DOMAIN", "bot.example.test", "HOME", home.toString(),
                "XDG_DATA_HOME", home.toString(), "XDG_CONFIG_HOME", home.toString());
        Path json = home.resolve("caddy.json");
        ProcessBuilder adapt = new ProcessBuilder(caddy, "adapt", "--adapter", "caddyfile", "--config",
                ROOT.resolve("deploy/Caddyfile").toString()).redirectOutput(json.toFile()).redirectError(log.toFile());
        adapt.environment().putAll(env);
        Process adapting = adapt.start();
        assertThat(adapting.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(adapting.exitValue()).as("caddy adapt: %s", Files.readString(log)).isZero();
        assertThat(Files.readString(log)).as("caddy's warnings (e.g. an unformatted file: caddy fmt)").doesNotContain("\"level\":\"warn");
        Map<String, Object> config = new Yaml().load(Files.readString(json));
        Map<String, Set<String>> dialsByHost = new HashMap<>();
        Map<String, Object> servers = map(map(map(config.get("apps")).get("http")).get("servers"));
        for (Object server : servers.values()) {
            for (Object route : (List<Object>) map(server).get("routes")) {
                Set<String> hosts = new LinkedHashSet<>();
                for (Object match : (List<Object>) map(route).getOrDefault("match", List.of())) {
                    hosts.addAll(list(map(match).get("host")));
                }
                Set<String> dials = new TreeSet<>();
                collectDials(route, dials);
                hosts.forEach(h -> dialsByHost.put(h, dials));
            }
        }
        assertThat(dialsByHost.get("bot.example.test"))
                .isEqualTo(apps().keySet().stream().map(a -> a + ":8080").collect(Collectors.toCollection(TreeSet::new)));
        assertThat(dialsByHost.get("s3.bot.example.test")).containsExactly("minio:9000");
        Result valid = run(List.of(caddy, "validate", "--adapter", "caddyfile", "--config", ROOT.resolve("deploy/Caddyfile").toString()), env);
        assertThat(valid.exit()).as("caddy validate (compiles the matchers): %s", valid.output()).isZero();
    }

    @SuppressWarnings("unchecked")
    private static void collectDials(Object node, Set<String> dials) {
        if (node instanceof Map<?, ?> m) {
            if (m.get("dial") != null) {
                dials.add(String.valueOf(m.get("dial")));
            }
            m.values().forEach(v -> collectDials(v, dials));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectDials(v, dials));
        }
    }

    /** Every variable the stack reads is named, with a comment, in .env.example, and it names nothing else. */
    @Test
    void everyVariableTheStackReadsIsInTheExampleEnvironment() throws IOException {
        Set<String> used = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(compose);
        while (m.find()) {
            used.add(m.group(1));
        }
        String example = Files.readString(ROOT.resolve(".env.example"));
        for (String variable : used) {
            assertThat(example).as(".env.example names %s", variable).containsPattern("(?m)^" + variable + "=");
        }
        boolean commented = false;
        for (String line : example.lines().toList()) {
            if (line.isBlank()) {
                commented = false;
            } else if (line.startsWith("#")) {
                commented = true;
            } else {
                String name = line.substring(0, line.indexOf('='));
                assertThat(used).as(".env.example's %s is read by docker-compose.yml", name).contains(name);
                assertThat(commented).as("%s has a comment above it", name).isTrue();
            }
        }
    }

    /**
     * The stack as a compose client reads it (no engine needed): with every variable of .env.example filled in it
     * is valid; without any, or without any one required variable, the client stops and names it.
     */
    @Test
    void aComposeClientAcceptsTheStackOnlyWithItsSecrets() throws Exception {
        int ensured = run(List.of("sh", ROOT.resolve("scripts/ensure-docker-compose.sh").toString()), null).exit();
        Assumptions.assumeTrue(ensured != 2, "\n" + "!".repeat(100)
                + "\nSKIPPED: no docker compose client here (needs root and apt-get; see scripts/ensure-docker-compose.sh)\n"
                + "!".repeat(100));
        assertThat(ensured).as("scripts/ensure-docker-compose.sh").isZero();
        List<String> client = new ArrayList<>(hasCommand("docker-compose") ? List.of("docker-compose") : List.of("docker", "compose"));
        List<String> lines = Files.readAllLines(ROOT.resolve(".env.example"));
        Result valid = config(client, lines, null);
        assertThat(valid.exit()).as("compose config with .env.example filled in: %s", valid.output()).isZero();

        Result refused = config(client, List.of(), null);
        assertThat(refused.exit()).as("compose config without the secrets").isNotZero();
        assertThat(refused.output()).contains("see .env.example");

        Set<String> required = new TreeSet<>();
        Matcher m = VARIABLE.matcher(compose);
        while (m.find()) {
            if (":?".equals(m.group(2))) {
                required.add(m.group(1));
            }
        }
        assertThat(required).contains("SHISHA_DOMAIN", "MINIO_ROOT_PASSWORD", "S3_SECRET_ACCESS_KEY", "POSTGRES_PASSWORD");
        for (String variable : required) {
            Result missing = config(client, lines, variable);
            assertThat(missing.exit()).as("compose config without %s", variable).isNotZero();
            assertThat(missing.output()).as("compose config without %s", variable).contains("set " + variable);
        }
    }

    /** Runs `config -q` with an env file of these .env.example lines filled in, less one variable. */
    private static Result config(List<String> client, List<String> example, String without) throws Exception {
        Path env = Files.createTempFile("shisha-compose", ".env");
        StringBuilder filled = new StringBuilder();
        for (String line : example) {
            if (line.matches("[A-Z0-9_]+=") && !line.equals(without + "=")) {
                filled.append(line).append(FILLED).append('\n');
            }
        }
        Files.writeString(env, filled);
        List<String> command = new ArrayList<>(client);
        command.addAll(List.of("--env-file", env.toString(), "-f", ROOT.resolve("docker-compose.yml").toString(), "config", "-q"));
        try {
            return run(command, Map.of());
        } finally {
            Files.deleteIfExists(env);
        }
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
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean done = p.waitFor(5, TimeUnit.MINUTES);
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

    /**
     * The image, the compose stack's fetch and the service's own first-start download all take the same models with the
     * same published size and MD5.
     */
    @Test
    void theImageBakesInThePinnedSpeechModels() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        String script = Files.readString(ROOT.resolve("scripts/fetch-vosk-models.sh"));
        assertThat(dockerfile).contains("COPY scripts/fetch-vosk-models.sh").contains("sh /fetch/fetch-vosk-models.sh");
        for (com.shisha.ai.voice.SpeechModelDownloads.Pinned model : com.shisha.ai.voice.SpeechModelDownloads.catalogue()) {
            assertThat(script).contains(model.name() + " " + model.bytes() + " " + model.md5());
            String variable = com.shisha.ai.voice.VoskSpeechRecognizer.variableFor(model.language());
            assertThat(dockerfile).containsPattern(variable + "=/app/models/" + java.util.regex.Pattern.quote(model.name()) + "\\s");
        }
    }
}
