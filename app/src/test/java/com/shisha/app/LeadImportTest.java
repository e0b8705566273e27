package com.shisha.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leads in: a CSV through the console (row by row, refused rows reported with their reasons, cities from the
 * gazetteer, duplicates merged, the same file twice changing nothing) and the integration API for GroMo's systems.
 */
class LeadImportTest extends AbstractApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String HEADER = "external_id,name,phone,product,city,state,gender,age,income_band,credit_band,note\n";

    @Autowired
    JdbcClient jdbc;

    private Response upload(String cookie, String fileName, String csv) throws IOException, InterruptedException {
        String boundary = "----shisha" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/console/api/lead-imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Cookie", cookie)
                .header("X-Console-Request", "1").header("X-Forwarded-For", clientIp)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.headers().map(), r.body());
    }

    private JsonNode awaitDone(String cookie, long id) throws InterruptedException {
        long deadline = System.nanoTime() + REPLY_TIMEOUT.toNanos() * 4;
        while (System.nanoTime() < deadline) {
            JsonNode run = call("GET", "/console/api/lead-imports/" + id, null, null, null, Map.of("Cookie", cookie)).json();
            if (!run.get("state").asString().equals("RUNNING")) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    private static final java.util.Set<String> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A mobile number no lead has and this run has not handed out: the seeded leads and earlier runs fill the same
     * number space, and a clash would merge a row the test counts as new.
     */
    private String mobile() {
        while (true) {
            String m = "9" + String.format("%09d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000L));
            if (HANDED_OUT.add(m) && jdbc.sql("select count(*) from leads where phone = ?").params("+91" + m).query(Long.class).single() == 0) {
                return m;
            }
        }
    }

    @Test
    void aCsvGoesInRowByRowWithRefusalsReportedDuplicatesMergedAndTwiceChangingNothing() throws Exception {
        String cookie = consoleAdmin();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String asha = mobile();
        String csv = HEADER
                + "A-" + run + ",Asha Verma," + asha + ",Personal Loan,indore,,F,34,MID,FAIR,needs 2 lakh for her shop\n"
                + "B-" + run + ",\"Khan, Imran\",+91 " + mobile() + ",credit card,Bhopal,Madhya Pradesh,male,41,HIGH,GOOD,\n"
                + "C-" + run + ",Ravi Kumar,12345,loans,Indore,,M,30,LOW,NEW,\n"
                + "D-" + run + ",Sunita,9" + mobile().substring(1) + ",loans,Atlantis,,F,30,LOW,NEW,\n"
                + "E-" + run + ",Meena," + mobile() + ",demat,Sikar,Rajasthan,,29,LOW,NEW,\n"
                + "F-" + run + ",Asha V.,0" + asha + ",loans,Indore,,F,34,MID,FAIR,asked again on the phone\n";
        Response started = upload(cookie, "leads.csv", csv);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long id = started.json().get("id").asLong();
        assertThat(started.json().get("totalRows").asLong()).isEqualTo(6);

        JsonNode done = awaitDone(cookie, id);
        assertThat(done.get("state").asString()).isEqualTo("DONE");
        assertThat(done.get("processed").asLong()).isEqualTo(6);
        assertThat(done.get("created").asLong()).isEqualTo(2);
        assertThat(done.get("merged").asLong()).as("Asha asked twice: one lead").isEqualTo(1);
        assertThat(done.get("refused").asLong()).isEqualTo(3);

        Map<String, Object> lead = jdbc.sql("select city, state, city_tier, phone, latitude from leads where external_id = ?")
                .params("A-" + run).query().singleRow();
        assertThat(lead).containsEntry("city", "Indore").containsEntry("state", "Madhya Pradesh").containsEntry("phone", "+91" + asha);
        assertThat(lead.get("latitude")).isNotNull();
        assertThat(jdbc.sql("select source from leads where external_id = ?").params("B-" + run).query(String.class).single())
                .as("GroMo's leads are app enquiries unless a row says otherwise").isEqualTo("gromo_app");
        assertThat(jdbc.sql("select note_en from leads where external_id = ?").params("A-" + run).query(String.class).single())
                .isEqualTo("asked again on the phone");

        Response report = call("GET", "/console/api/lead-imports/" + id + "/refused.csv", null, null, null, Map.of("Cookie", cookie));
        assertThat(report.header("Content-Type")).startsWith("text/csv");
        assertThat(report.body()).startsWith("line,external_id,reason")
                .contains("4,\"C-" + run + "\",\"phone: an Indian mobile number")
                .contains("5,\"D-" + run + "\",\"city: 'Atlantis' is not a place we know")
                .contains("6,\"E-" + run + "\",\"gender: F or M");

        long leads = jdbc.sql("select count(*) from leads").query(Long.class).single();
        JsonNode again = awaitDone(cookie, upload(cookie, "leads.csv", csv).json().get("id").asLong());
        assertThat(again.get("created").asLong()).isZero();
        assertThat(again.get("updated").asLong()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from leads").query(Long.class).single()).as("the same file twice adds nothing").isEqualTo(leads);

        upload(cookie, "wrong.csv", "id,fullname,mobile\n1,x,y\n").error(400, "bad_file");
        assertThat(upload(cookie, "wrong.csv", "id,fullname,mobile\n1,x,y\n").body()).contains("missing columns: external_id, name, phone");
    }

    @Test
    void aLargeFileShowsItsProgressAsItGoes() throws Exception {
        String cookie = consoleAdmin();
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 3_000; i++) {
            csv.append("P-").append(run).append('-').append(i).append(",Lead ").append(i).append(',').append(mobile())
                    .append(",insurance,Jaipur,Rajasthan,F,30,LOW,NEW,\n");
        }
        long id = upload(cookie, "big.csv", csv.toString()).json().get("id").asLong();
        List<Long> seen = new java.util.ArrayList<>();
        JsonNode run1;
        do {
            run1 = call("GET", "/console/api/lead-imports/" + id, null, null, null, Map.of("Cookie", cookie)).json();
            seen.add(run1.get("processed").asLong());
            Thread.sleep(20);
        } while (run1.get("state").asString().equals("RUNNING"));
        assertThat(run1.get("processed").asLong()).isEqualTo(3_000);
        assertThat(run1.get("created").asLong()).isEqualTo(3_000);
        assertThat(seen.stream().distinct().count()).as("progress seen in steps: %s", seen).isGreaterThan(1);
    }

    @Test
    void gromosSystemsSendLeadsWithTheirKeyAndGetEachOnesFate() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> good = Map.of("external_id", "API-" + run, "name", "Farida Shaikh", "phone", mobile(), "product", "INSURANCE",
                "city", "Pune", "gender", "F", "age", 38, "income_band", "MID", "credit_band", "GOOD");
        Map<String, Object> bad = Map.of("external_id", "API-" + run + "-2", "name", "No Phone", "product", "LOANS", "city", "Pune",
                "gender", "M", "age", 40, "income_band", "MID", "credit_band", "GOOD");
        String body = JSON.writeValueAsString(Map.of("leads", List.of(good, bad)));
        Response r = call("POST", "/integrations/v1/leads", null, body, "application/json", Map.of("Authorization", "Bearer " + INTEGRATION_KEY));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("importRun").get("created").asLong()).isEqualTo(1);
        assertThat(r.json().get("refused").get(0).get("line").asLong()).isEqualTo(2);
        assertThat(r.json().get("refused").get(0).get("reason").asString()).contains("phone");
        Response retried = call("POST", "/integrations/v1/leads", null, body, "application/json", Map.of("Authorization", "Bearer " + INTEGRATION_KEY));
        assertThat(retried.json().get("importRun").get("created").asLong()).as("a retried call adds nothing").isZero();

        call("POST", "/integrations/v1/leads", null, body, "application/json", Map.of("Authorization", "Bearer wrong-key"))
                .error(401, "unauthorized");
        call("POST", "/integrations/v1/leads", null, body, "application/json", Map.of()).error(401, "unauthorized");
        call("POST", "/integrations/v1/leads", null, "{\"leads\": []}", "application/json",
                Map.of("Authorization", "Bearer " + INTEGRATION_KEY)).error(400, null);
    }
}
