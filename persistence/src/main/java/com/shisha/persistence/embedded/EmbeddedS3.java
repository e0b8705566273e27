package com.shisha.persistence.embedded;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.filesystem.FilesystemApiMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The zero-setup run's S3: S3Proxy (Apache-2.0) on a loopback port, storing objects as files under
 * {@code <data>/s3/<bucket>/}. It checks AWS Signature V4 like S3 does, presigned URLs included, so a PUT whose
 * size or type differs from the signed one is refused here exactly as by AWS. One per JVM, like the other
 * embedded servers.
 */
public final class EmbeddedS3 {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedS3.class);
    public static final String REGION = "us-east-1";
    private static EmbeddedS3 shared;

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final URI endpoint;
    private final String bucket;
    private final String accessKey;
    private final String secretKey;

    private EmbeddedS3(Path dir, String bucket) throws Exception {
        Files.createDirectories(dir);
        Properties overrides = new Properties();
        overrides.setProperty("jclouds.filesystem.basedir", dir.toString());
        // the provider registry would load every cloud back end S3Proxy ships (their SDKs are excluded):
        // build the filesystem store from its API metadata directly
        this.context = ContextBuilder.newBuilder(new FilesystemApiMetadata()).credentials("shisha", "shisha")
                .overrides(overrides).build(BlobStoreContext.class);
        this.bucket = bucket;
        context.getBlobStore().createContainerInLocation(null, bucket);
        // fresh keys each start: only this process knows them, and nothing else on the machine can write
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[20];
        random.nextBytes(key);
        this.accessKey = "SHISHA" + HexFormat.of().formatHex(key, 0, 7).toUpperCase();
        this.secretKey = HexFormat.of().formatHex(key);
        this.proxy = S3Proxy.builder().blobStore(context.getBlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .endpoint(URI.create("http://127.0.0.1:0")).build();
        proxy.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start within 10 s (state " + proxy.getState() + ")");
            }
            Thread.sleep(10);
        }
        this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public static synchronized EmbeddedS3 startShared(Path dataDir, String bucket) {
        if (shared == null) {
            Path dir = dataDir.toAbsolutePath().resolve("s3");
            try {
                shared = new EmbeddedS3(dir, bucket);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded S3 server under " + dir + ": " + e.getMessage()
                        + " (configure S3_ENDPOINT or S3_BUCKET to use an external one)", e);
            } catch (Exception e) {
                throw new IllegalStateException("could not start the embedded S3 server under " + dir + ": " + e
                        + " (configure S3_ENDPOINT or S3_BUCKET to use an external one)", e);
            }
            log.info("embedded S3 (S3Proxy) on {} , bucket {}, data in {}", shared.endpoint, bucket, dir);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "embedded-s3-stop"));
        } else if (!shared.bucket.equals(bucket)) {
            shared.context.getBlobStore().createContainerInLocation(null, bucket);
        }
        return shared;
    }

    public URI endpoint() {
        return endpoint;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    private void stop() {
        try {
            proxy.stop();
        } catch (Exception e) {
            log.debug("embedded S3 stop: {}", e.toString());
        }
        context.close();
    }
}
