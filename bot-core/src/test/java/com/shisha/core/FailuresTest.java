package com.shisha.core;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as a store that could not be reached just then, as against one that refused the item. */
class FailuresTest {

    @Test
    void aLostConnectionAShutdownADeadlockOrATimeoutPass() {
        assertThat(Failures.passing(new RuntimeException("wrapped", new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(Failures.passing(new SQLException("connection refused", "08001"))).isTrue();
        assertThat(Failures.passing(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(Failures.passing(new SQLTransientConnectionException("pool timed out"))).isTrue();
        assertThat(Failures.passing(new IllegalStateException("did not write in time", new TimeoutException()))).isTrue();
        assertThat(Failures.passing(new RuntimeException(new java.net.ConnectException("refused")))).isTrue();
    }

    @Test
    void aRefusalOfTheItemItselfDoesNot() {
        assertThat(Failures.passing(new SQLException("invalid byte sequence for encoding UTF8", "22021"))).isFalse();
        assertThat(Failures.passing(new SQLException("value too long", "22001"))).isFalse();
        assertThat(Failures.passing(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(Failures.passing(new IllegalArgumentException("invalid byte sequence"))).isFalse();
        assertThat(Failures.passing(null)).isFalse();
    }

    @Test
    void logLinesCarryTypesAndSqlStatesButNoMessages() {
        String line = Failures.withoutMessages(new RuntimeException("insert into inbox values ('+919812345678', 'hi')",
                new SQLException("the statement", "57P01")));
        assertThat(line).isEqualTo("java.lang.RuntimeException <- java.sql.SQLException (SQL state 57P01)");
    }
}
