package com.shisha.persistence.jdbc;

import com.shisha.core.ConversationKey;
import com.shisha.core.pipeline.OptOuts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

public class JdbcOptOuts implements OptOuts {

    private static final Logger log = LoggerFactory.getLogger(JdbcOptOuts.class);

    private final JdbcClient jdbc;

    public JdbcOptOuts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void recordOptOut(ConversationKey key, String reason) {
        int n = jdbc.sql("update conversations set opted_out_at = coalesce(opted_out_at, now()), updated_at = now() where conversation_key = :key")
                .param("key", key.value()).update();
        log.info("{} marked opted out ({}); {} conversation row(s) updated", key, reason, n);
    }
}
