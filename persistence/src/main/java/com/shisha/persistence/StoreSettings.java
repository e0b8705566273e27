package com.shisha.persistence;

import com.shisha.core.InvalidConfigurationException;
import com.shisha.core.SettingsReader;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the data lives (docs/configuration.md, "Stores"): each of PostgreSQL, Redis, Mongo and S3 either configured, or
 * empty for the zero-setup run's embedded server under {@code dataDir}.
 *
 * @param dataDir       the embedded servers' data, the caches, the downloaded speech models (SHISHA_DATA_DIR)
 * @param database      DATABASE_URL as Spring's datasource properties; empty: embedded
 * @param redisUrl      REDIS_URL; empty: embedded
 * @param mongodbUri    MONGODB_URI; empty: embedded
 * @param embeddedFsync the embedded PostgreSQL flushes every commit (SHISHA_EMBEDDED_FSYNC)
 */
public record StoreSettings(Path dataDir, Optional<Map<String, String>> database, Optional<URI> redisUrl, Optional<URI> mongodbUri,
                            boolean embeddedFsync, S3 s3, Demo demo) {

    /**
     * The call recordings' store. Neither endpoint nor bucket: the embedded S3Proxy, and the other values are unused.
     *
     * @param publicEndpoint where phones and browsers reach the store, if not at the endpoint (S3_PUBLIC_ENDPOINT)
     */
    public record S3(Optional<URI> endpoint, Optional<URI> publicEndpoint, Optional<String> bucket, String region,
                     Optional<String> accessKeyId, Optional<String> secretAccessKey) {

        public boolean embedded() {
            return endpoint.isEmpty() && bucket.isEmpty();
        }
    }

    /**
     * @param enabled  seed the demo partners, community and leads (SHISHA_DEMO_DATA; by default with the embedded database only)
     * @param leads    how many generated leads (SHISHA_DEMO_LEADS)
     * @param partners how many generated onboarded partners (SHISHA_DEMO_PARTNERS)
     */
    public record Demo(boolean enabled, int leads, int partners) {
    }

    /** Enough leads for the demo partners to work for weeks. */
    public static final int DEMO_LEADS = 400;

    public static StoreSettings read(SettingsReader r) {
        Path dataDir = r.path("SHISHA_DATA_DIR").orElse(Path.of("data"));
        Optional<Map<String, String>> database = r.get("DATABASE_URL").map(StoreSettings::jdbcProperties);
        Optional<URI> redis = r.url("REDIS_URL", "redis", "rediss");
        Optional<URI> mongo = r.url("MONGODB_URI", "mongodb", "mongodb+srv");
        // flushing each commit to disk is what makes an acknowledged message survive a power cut, not only a crash
        // of the service (the embedded database is a process of its own); zonky's default skips it
        boolean fsync = r.bool("SHISHA_EMBEDDED_FSYNC", true);
        S3 s3 = s3(r);
        Demo demo = new Demo(r.bool("SHISHA_DEMO_DATA", database.isEmpty()),
                r.integer("SHISHA_DEMO_LEADS", DEMO_LEADS, 0, 10_000_000),
                r.integer("SHISHA_DEMO_PARTNERS", 0, 0, 10_000_000));
        return new StoreSettings(dataDir, database, redis, mongo, fsync, s3, demo);
    }

    private static S3 s3(SettingsReader r) {
        Optional<URI> endpoint = r.url("S3_ENDPOINT", "http", "https");
        Optional<URI> publicEndpoint = r.url("S3_PUBLIC_ENDPOINT", "http", "https");
        Optional<String> bucket = r.get("S3_BUCKET");
        Optional<String> region = r.get("S3_REGION");
        Optional<String> keyId = r.get("S3_ACCESS_KEY_ID");
        Optional<String> secret = r.get("S3_SECRET_ACCESS_KEY");
        S3 s3 = new S3(endpoint, publicEndpoint.or(() -> endpoint), bucket, region.orElse("ap-south-1"), keyId, secret);
        if (s3.embedded()) {
            return s3; // the embedded store's own values are used, whatever the rest says
        }
        if (bucket.isEmpty()) {
            throw new InvalidConfigurationException("S3_BUCKET", "must be set when S3_ENDPOINT is (the bucket call recordings are uploaded to)");
        }
        if (!bucket.get().matches("[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]")) {
            throw new InvalidConfigurationException("S3_BUCKET", "is not a valid bucket name (was '" + bucket.get() + "')");
        }
        if (!s3.region().matches("[a-z]{2}(-[a-z]+)+-[0-9]+")) {
            throw new InvalidConfigurationException("S3_REGION", "is not a region name like ap-south-1 (was '" + s3.region() + "')");
        }
        if (keyId.isPresent() != secret.isPresent()) {
            throw new InvalidConfigurationException(keyId.isPresent() ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID",
                    "must be set together with " + (keyId.isPresent() ? "S3_ACCESS_KEY_ID" : "S3_SECRET_ACCESS_KEY")
                            + " (or leave both unset for the AWS default credential chain)");
        }
        if (publicEndpoint.isPresent() && endpoint.isEmpty()) {
            throw new InvalidConfigurationException("S3_PUBLIC_ENDPOINT", "needs S3_ENDPOINT: it is the public address of that store");
        }
        return s3;
    }

    /** Accepts a JDBC URL or the postgres://user:password@host:port/db form that hosting platforms hand out. */
    static Map<String, String> jdbcProperties(String url) {
        Map<String, String> p = new LinkedHashMap<>();
        if (url.startsWith("jdbc:postgresql://")) {
            p.put("spring.datasource.url", url);
            return p;
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("DATABASE_URL", "is not a valid URL");
        }
        if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new InvalidConfigurationException("DATABASE_URL",
                    "must be jdbc:postgresql://host:port/db or postgres://user:password@host:port/db");
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        p.put("spring.datasource.url", "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        if (uri.getUserInfo() != null) {
            String[] userPassword = uri.getUserInfo().split(":", 2);
            p.put("spring.datasource.username", userPassword[0]);
            if (userPassword.length > 1) {
                p.put("spring.datasource.password", userPassword[1]);
            }
        }
        return p;
    }
}
