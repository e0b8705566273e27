package com.shisha.persistence.testing;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Redis tests' Redis: one embedded server per test JVM; tests isolate themselves by key. */
public final class TestRedis {

    private static RedisServer server;
    private static String url;

    private TestRedis() {
    }

    /** A new client of the shared server; the caller shuts it down. */
    public static synchronized RedissonClient client() {
        if (server == null) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                socket.close();
                server = RedisServer.newRedisServer().bind("127.0.0.1").port(port).setting("save \"\"")
                        .setting("appendonly no").build();
                server.start();
                url = "redis://127.0.0.1:" + port;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.stop();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Config config = new Config();
        config.useSingleServer().setAddress(url);
        return Redisson.create(config);
    }
}
