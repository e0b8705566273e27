package com.shisha.app;

import com.shisha.core.InvalidConfigurationException;
import com.shisha.persistence.embedded.EmbeddedInfrastructure;
import com.shisha.persistence.embedded.EmbeddedS3;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs before the application context: validates the connection variables, and for each of DATABASE_URL,
 * REDIS_URL and MONGODB_URI that is not set, starts the embedded server (data under SHISHA_DATA_DIR).
 * Either way the rest of the app sees ordinary Spring properties, so both runs take the same code paths.
 */
public class InfrastructurePostProcessor implements EnvironmentPostProcessor {

    /** Logging is not set up yet when this runs; Boot replays a deferred log once it is. */
    private final Log log;

    public InfrastructurePostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(InfrastructurePostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Env env = new Env(environment);
        env.integer("SERVER_PORT", 8080, 0, 65535);
        Map<String, Object> props = new LinkedHashMap<>();
        env.get("DATABASE_URL").ifPresent(url -> props.putAll(jdbcProperties(url)));
        env.url("REDIS_URL", "redis", "rediss").ifPresent(uri -> props.put("shisha.redis.url", uri.toString()));
        env.url("MONGODB_URI", "mongodb", "mongodb+srv").ifPresent(uri -> props.put("shisha.mongodb.uri", uri.toString()));

        boolean needPostgres = !props.containsKey("spring.datasource.url");
        boolean needRedis = !props.containsKey("shisha.redis.url");
        boolean needMongo = !props.containsKey("shisha.mongodb.uri");
        if (needPostgres || needRedis || needMongo) {
            Path dataDir = env.dataDir();
            // flushing each commit to disk is what makes an acknowledged message survive a power cut, not only a
            // crash of the service (the embedded database is a process of its own); zonky's default skips it
            boolean fsync = env.bool("SHISHA_EMBEDDED_FSYNC", true);
            EmbeddedInfrastructure embedded = EmbeddedInfrastructure.startShared(dataDir, needPostgres, needRedis, needMongo, fsync);
            Map<String, Object> started = embedded.springProperties();
            if (!needPostgres) {
                started.keySet().removeIf(k -> k.startsWith("spring.datasource."));
            }
            if (!needRedis) {
                started.remove("shisha.redis.url");
            }
            if (!needMongo) {
                started.remove("shisha.mongodb.uri");
            }
            props.putAll(started);
            props.put("shisha.embedded", true);
            props.put("shisha.embedded.postgres", needPostgres);
            embedded.describe().forEach(log::info);
        }
        embeddedS3(env).ifPresent(props::putAll);
        environment.getPropertySources().addFirst(new MapPropertySource("shisha-infrastructure", props));
    }

    /**
     * With neither S3_ENDPOINT nor S3_BUCKET an S3Proxy starts here (data under SHISHA_DATA_DIR/s3) and the upload
     * settings point at it; with either, the configured store is used (UploadsConfig validates the rest).
     */
    private java.util.Optional<Map<String, Object>> embeddedS3(Env env) {
        if (env.get("S3_ENDPOINT").isPresent() || env.get("S3_BUCKET").isPresent()) {
            return java.util.Optional.empty();
        }
        Path dataDir = env.dataDir();
        EmbeddedS3 s3 = EmbeddedS3.startShared(dataDir, UploadsConfig.EMBEDDED_BUCKET);
        log.info("S3 (embedded S3Proxy): " + s3.endpoint() + ", bucket " + UploadsConfig.EMBEDDED_BUCKET + ", data in "
                + dataDir.toAbsolutePath().resolve("s3"));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("shisha.s3.endpoint", s3.endpoint().toString());
        p.put("shisha.s3.bucket", UploadsConfig.EMBEDDED_BUCKET);
        p.put("shisha.s3.region", EmbeddedS3.REGION);
        p.put("shisha.s3.access-key", s3.accessKey());
        p.put("shisha.s3.secret-key", s3.secretKey());
        return java.util.Optional.of(p);
    }

    /** Accepts a JDBC URL or the postgres://user:password@host:port/db form that hosting platforms hand out. */
    static Map<String, Object> jdbcProperties(String url) {
        Map<String, Object> p = new LinkedHashMap<>();
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
