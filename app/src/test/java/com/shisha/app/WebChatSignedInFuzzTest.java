package com.shisha.app;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.spring.JqwikSpringSupport;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web chat where it needs a sign-in (production's default), as a jqwik property over real HTTP: hostile
 * bodies, queries and headers (see {@link WebChatInput}) sent as a signed-in partner, as another partner, with a
 * token that is not one, or with none. Never a 5xx or a stack trace; every refusal in the one JSON error shape; a
 * message or a stream is taken only for the caller's own number. The tries are spread over client addresses
 * and a pool of partners, so the per-address and per-partner limits stay as they are.
 */
@JqwikSpringSupport
@TestPropertySource(properties = "SHISHA_WEBCHAT_OPEN=false")
class WebChatSignedInFuzzTest extends AbstractApiTest {

    private static final int POOL = 6;
    private static final String OWN_PHONE = "@@OWN_PHONE@@";
    private static final String OWN_PHONE_IN_URL = "@@OWN_PHONE_URL@@";
    private static final String OTHER_PHONE = "@@OTHER_PHONE@@";
    private static final String OWN_TOKEN = "@@OWN_TOKEN@@";
    private static final String OTHER_TOKEN = "@@OTHER_TOKEN@@";

    private record Partner(String phone, String token) {
    }

    private static List<Partner> pool;

    private synchronized List<Partner> pool() {
        if (pool == null) {
            List<Partner> partners = new ArrayList<>();
            for (int i = 0; i < POOL; i++) {
                String phone = freshPhone();
                partners.add(new Partner(phone, tokenFor(phone)));
            }
            pool = List.copyOf(partners);
        }
        return pool;
    }

    @Provide
    Arbitrary<Wire> calls() {
        Arbitrary<String> jsonPhones = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(OWN_PHONE)), Tuple.of(1, Arbitraries.just(OTHER_PHONE)),
                Tuple.of(2, HostileInput.phone()));
        Arbitrary<String> urlPhones = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(OWN_PHONE_IN_URL)),
                Tuple.of(1, Arbitraries.just(OTHER_PHONE.replace("@@O", "@@URL_O"))), Tuple.of(2, HostileInput.urlValue(HostileInput.phone())));
        Arbitrary<String> authorization = Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.just("Bearer " + OWN_TOKEN)),
                Tuple.of(2, Arbitraries.just((String) null)),
                Tuple.of(1, Arbitraries.of("bearer " + OWN_TOKEN, "Bearer   " + OWN_TOKEN + "  ", "Bearer " + OTHER_TOKEN, "Bearer " + OWN_TOKEN + "x",
                        "Bearer ", "Basic " + OWN_TOKEN, OWN_TOKEN, "Bearer " + AbstractApiTest.unsignedToken("uid-fuzz", Map.of()),
                        "Bearer a.b.c", "Bearer " + "a".repeat(5000))));
        Arbitrary<String> accessTokens = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just((String) null)), Tuple.of(3, Arbitraries.just(OWN_TOKEN)),
                Tuple.of(1, Arbitraries.of(OTHER_TOKEN, "forged", "%00", OWN_TOKEN + "%00", "", OWN_TOKEN + "&access_token=" + OTHER_TOKEN)));
        return WebChatInput.calls(jsonPhones, urlPhones, authorization, accessTokens);
    }

    /**
     * Whose token the gate reads, as the docs say: the Authorization header when it is a Bearer one, else the first
     * access_token parameter. Null when neither holds a real token.
     */
    private static String caller(Wire call) {
        String token = call.headers().stream().filter(h -> h.getKey().equals("Authorization")).map(Map.Entry::getValue)
                .filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7)).map(v -> v.substring(7).trim()).findFirst()
                .orElseGet(() -> {
                    int q = call.target().indexOf('?');
                    for (String part : q < 0 ? new String[0] : call.target().substring(q + 1).split("&")) {
                        if (part.startsWith("access_token=")) {
                            return part.substring("access_token=".length());
                        }
                    }
                    return null;
                });
        return OWN_TOKEN.equals(token) || OTHER_TOKEN.equals(token) ? token : null;
    }

    @Provide
    Arbitrary<Integer> partners() {
        return Arbitraries.integers().between(0, POOL - 1).withoutEdgeCases();
    }

    @Provide
    Arbitrary<String> clients() {
        return Wire.clients();
    }

    @Property(tries = 250, seed = "20261211")
    void theSignedInWebChatNeverAnswers5xxAndServesOnlyTheCallersOwnNumber(@ForAll("calls") Wire call, @ForAll("partners") int who,
                                                                        @ForAll("clients") String client) {
        Partner own = pool().get(who);
        Partner other = pool().get((who + 1) % POOL);
        Wire wire = call.resolve(Map.of(OWN_PHONE_IN_URL, own.phone().replace("+", "%2B"), "@@URL_OTHER_PHONE@@", other.phone().replace("+", "%2B"),
                OWN_PHONE, own.phone(), OTHER_PHONE, other.phone(), OWN_TOKEN, own.token(), OTHER_TOKEN, other.token()));
        Response r = wire.send(port, client);

        Statistics.label("answer").collect(r.status());
        wire.assertAnswerIsSound(r);
        WebChatInput.assertAccepted(wire, r);
        if (r.status() == 202 || (r.status() == 200 && wire.target().startsWith(WebChatInput.STREAM + "?"))) {
            // taken: then the caller is signed in, and it was for the caller's own number, not the other partner's
            String caller = caller(call);
            assertThat(caller).as("who was let in by %s", wire.describe()).isNotNull();
            Partner notCaller = caller.equals(OWN_TOKEN) ? other : own;
            assertThat(wire.describe()).as("accepted %s", wire.describe()).doesNotContain(notCaller.phone())
                    .doesNotContain(notCaller.phone().replace("+", "%2B"));
        }
        Statistics.label("answer").coverage(c -> {
            c.checkQuery(s -> (int) s.get(0) < 300).percentage((Double p) -> p > 5);
            c.check(401).percentage((Double p) -> p > 3);
            c.check(403).percentage((Double p) -> p > 1);
        });
    }
}
