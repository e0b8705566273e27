package com.shisha.persistence.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Connections for the group-commit writers ({@link GroupCommit}): the inbox, the turn commits and the sent marks.
 * Their statements take arrays whose length changes with every batch, and PostgreSQL's plan cache then re-plans
 * them on every call: a custom plan, which sees the array's length, always looks cheaper than the generic one,
 * which assumes 100 rows. Re-planning those statements cost 0.2-1 ms of the database's CPU per call, a third of
 * its CPU per turn (measured with pg_stat_statements, bench/README.md). On these connections the generic plan is
 * forced. A generic plan is made once, with the statistics of that moment, so these statements must find rows
 * by primary key, or probe a partial index by its leading columns: a plan that scans a partial index of
 * waiting rows because it looked empty when planned stays that way in a backlog (GenericPlanTest).
 * Everything else keeps PostgreSQL's default choice.
 */
public final class WriterPool {

    /** One connection per writer thread, and one to spare while a broken one is replaced. */
    private static final int SIZE = 4;

    private WriterPool() {
    }

    /** A small pool to the same database as {@code main}, with the same credentials and timeouts. */
    public static HikariDataSource of(HikariDataSource main) {
        HikariConfig config = new HikariConfig();
        main.copyStateTo(config);
        config.setPoolName(main.getPoolName() + "-writers");
        config.setMaximumPoolSize(SIZE);
        config.setMinimumIdle(1);
        config.setConnectionInitSql("set plan_cache_mode = force_generic_plan");
        return new HikariDataSource(config);
    }
}
