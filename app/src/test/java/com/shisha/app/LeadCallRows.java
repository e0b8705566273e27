package com.shisha.app;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows a test or benchmark starts from when the way there (onboarding, asking for a call) is not what it is about. */
final class LeadCallRows {

    private LeadCallRows() {
    }

    /** An onboarded English-speaking partner in Indore who sells loans; returns the partner's id. */
    static long partner(JdbcClient jdbc, String phone, String name) {
        return jdbc.sql("""
                        insert into partners (phone, name, language, city, products, onboarded_at)
                        values (:phone, :name, 'en', 'Indore', '{LOANS}', now()) returning id""")
                .param("phone", phone).param("name", name).query(Long.class).single();
    }

    /** The partner's call to an open lead, bridged on the partner's leg {@code callSid}; returns the lead call's id. */
    static long bridgedCall(JdbcClient jdbc, long partner, String callSid, boolean record) {
        long lead = jdbc.sql("select id from leads where status = 'OPEN' order by id limit 1").query(Long.class).single();
        return jdbc.sql("""
                        insert into lead_calls (partner_id, lead_id, record, status, call_sid)
                        values (:p, :l, :record, 'BRIDGED', :sid) returning id""")
                .param("p", partner).param("l", lead).param("record", record).param("sid", callSid).query(Long.class).single();
    }
}
