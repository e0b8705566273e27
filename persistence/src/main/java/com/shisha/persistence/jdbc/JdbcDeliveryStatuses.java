package com.shisha.persistence.jdbc;

import com.shisha.core.pipeline.DeliveryStatuses;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;

public class JdbcDeliveryStatuses implements DeliveryStatuses {

    /** Callbacks can arrive out of order; the outbox keeps the furthest status reached, not the last one heard. */
    private static final Map<String, Integer> RANK = Map.of(
            "accepted", 1, "queued", 2, "sending", 3, "sent", 4, "delivered", 5, "read", 6,
            "undelivered", 7, "failed", 7);

    /** Finds the row by its provider id (an equality, so the partial unique index of sent rows serves it). */
    static final String RAISE_STATUS = """
            update outbound_messages set delivery_status = :status, delivery_rank = :rank,
                delivery_error_code = :code, updated_at = now()
            where provider_message_id = :sid and delivery_rank < :rank""";

    private final JdbcClient jdbc;

    public JdbcDeliveryStatuses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean record(String sid, String status, String errorCode) {
        boolean isNew = jdbc.sql("""
                        insert into message_status_events (message_sid, status, error_code) values (:sid, :status, :code)
                        on conflict (message_sid, status) do nothing""")
                .param("sid", sid).param("status", status).param("code", errorCode).update() == 1;
        if (isNew) {
            int rank = RANK.getOrDefault(status, 0);
            jdbc.sql(RAISE_STATUS)
                    .param("sid", sid).param("status", status).param("code", errorCode).param("rank", rank).update();
        }
        return isNew;
    }
}
