package com.shisha.persistence.jdbc;

import com.shisha.core.companion.SessionVersions;
import org.springframework.jdbc.core.simple.JdbcClient;

/** partners.session_version (V16). */
public class JdbcSessionVersions implements SessionVersions {

    private final JdbcClient jdbc;

    public JdbcSessionVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long current(long partnerId) {
        return jdbc.sql("select session_version from partners where id = :id").param("id", partnerId)
                .query(Long.class).optional().orElse(0L);
    }

    @Override
    public long revokeAll(long partnerId) {
        return jdbc.sql("update partners set session_version = session_version + 1 where id = :id returning session_version")
                .param("id", partnerId).query(Long.class).optional().orElse(0L);
    }
}
