package com.shisha.app;

import com.shisha.persistence.StoreSettings;
import com.shisha.persistence.embedded.EmbeddedInfrastructure;
import com.shisha.persistence.embedded.EmbeddedS3;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs before the application context: loads and checks every setting ({@link ShishaSettings}), so a bad value stops
 * start-up in milliseconds, before any embedded server starts; then for each of DATABASE_URL, REDIS_URL and MONGODB_URI
 * that is not set, starts the embedded server (data under SHISHA_DATA_DIR). Either way the rest of the app sees
 * ordinary Spring properties, so both runs take the same code paths.
 */
public class InfrastructurePostProcessor implements EnvironmentPostProcessor {

    /**
     * The connection pool with the embedded PostgreSQL, unless SHISHA_DB_POOL_SIZE says otherwise: 2 turn workers, 4
     * senders and the sweep never hold more at once, and each idle connection is a server process of its own on the
     * machine the service shares (48 against a PostgreSQL of its own).
     */
    static final int EMBEDDED_POOL_SIZE = 16;

    /** Logging is not set up yet when this runs; Boot replays a deferred log once it is. */
    private final Log log;

    public InfrastructurePostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(InfrastructurePostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        StoreSettings stores = ShishaSettings.load(environment).stores();
        Map<String, Object> props = new LinkedHashMap<>();
        stores.database().ifPresent(props::putAll);
        stores.redisUrl().ifPresent(uri -> props.put("shisha.redis.url", uri.toString()));
        stores.mongodbUri().ifPresent(uri -> props.put("shisha.mongodb.uri", uri.toString()));

        boolean needPostgres = stores.database().isEmpty();
        boolean needRedis = stores.redisUrl().isEmpty();
        boolean needMongo = stores.mongodbUri().isEmpty();
        if (needPostgres || needRedis || needMongo) {
            EmbeddedInfrastructure embedded = EmbeddedInfrastructure.startShared(stores.dataDir(), needPostgres, needRedis, needMongo,
                    stores.embeddedFsync());
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
            if (needPostgres) {
                props.put("shisha.embedded-pool-size", EMBEDDED_POOL_SIZE);
            }
            embedded.describe().forEach(log::info);
        }
        if (stores.s3().embedded()) {
            props.putAll(embeddedS3(stores.dataDir()));
        }
        environment.getPropertySources().addFirst(new MapPropertySource("shisha-infrastructure", props));
    }

    /**
     * With neither S3_ENDPOINT nor S3_BUCKET an S3Proxy starts here (data under SHISHA_DATA_DIR/s3) and the upload
     * settings point at it.
     */
    private Map<String, Object> embeddedS3(Path dataDir) {
        EmbeddedS3 s3 = EmbeddedS3.startShared(dataDir, UploadsConfig.EMBEDDED_BUCKET);
        log.info("S3 (embedded S3Proxy): " + s3.endpoint() + ", bucket " + UploadsConfig.EMBEDDED_BUCKET + ", data in "
                + dataDir.toAbsolutePath().resolve("s3"));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("shisha.s3.endpoint", s3.endpoint().toString());
        p.put("shisha.s3.bucket", UploadsConfig.EMBEDDED_BUCKET);
        p.put("shisha.s3.region", EmbeddedS3.REGION);
        p.put("shisha.s3.access-key", s3.accessKey());
        p.put("shisha.s3.secret-key", s3.secretKey());
        return p;
    }
}
