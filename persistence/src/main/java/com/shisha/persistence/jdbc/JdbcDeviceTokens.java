package com.shisha.persistence.jdbc;

import com.shisha.core.companion.DeviceTokens;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Device tokens in PostgreSQL; the token is the key, so a re-registration never duplicates a device. */
public class JdbcDeviceTokens implements DeviceTokens {

    private final JdbcClient jdbc;

    public JdbcDeviceTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void register(long partnerId, String token, String platform) {
        jdbc.sql("""
                        insert into device_tokens (token, partner_id, platform) values (:t, :p, :platform)
                        on conflict (token) do update set partner_id = excluded.partner_id, platform = excluded.platform,
                            updated_at = now()""")
                .param("t", token).param("p", partnerId).param("platform", platform).update();
    }

    @Override
    public boolean unregister(long partnerId, String token) {
        return jdbc.sql("delete from device_tokens where token = :t and partner_id = :p")
                .param("t", token).param("p", partnerId).update() > 0;
    }
}
