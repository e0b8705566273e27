package com.shisha.persistence.jdbc;

import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.InboundMessage;
import com.shisha.core.Language;
import com.shisha.core.PartnerProfile;
import com.shisha.core.Product;
import com.shisha.core.dialog.ConversationState;
import com.shisha.core.dialog.OptOutChange;
import com.shisha.core.dialog.TurnResult;
import com.shisha.core.pipeline.ConversationStore;
import com.shisha.core.pipeline.Inbox;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Turns of several conversations committed in one statement: each is guarded on its own, so the ones that may
 * not commit change nothing and the others commit all the same. Against real PostgreSQL.
 */
class TurnBatchCommitTest {

    private static final AtomicInteger SIDS = new AtomicInteger();
    private static final String FROM = "whatsapp:+14155238886";
    // a fresh database per test: JUnit makes a new instance of the class for each
    private final PipelineStores stores = PipelineStores.fresh(Duration.ofSeconds(30));
    private final JdbcClient jdbc = stores.jdbc();
    private final JdbcInbox inbox = stores.inbox();
    private final JdbcConversationStore store = stores.conversations();

    @Test
    void eachTurnOfABatchIsGuardedOnItsOwn() {
        ConversationKey a = key(1), stale = key(2), outOfTurn = key(3), onboarded = key(4);
        Inbox.Stored aMessage = store(a, "hi");
        Inbox.Stored staleMessage = store(stale, "hi");
        store(outOfTurn, "hi");
        Inbox.Stored secondInLine = store(outOfTurn, "Asha");
        Inbox.Stored confirm = store(onboarded, "YES");
        PartnerProfile profile = new PartnerProfile("+919811100004", "Asha", Language.HI, "Pune",
                List.of(Product.LOANS, Product.DEMAT));
        ConversationState staleState = new ConversationState(stale, "ASK_NAME", Map.of(), Language.EN, false, 7);

        List<Optional<ConversationStore.Queued>> results = store.commit(jdbc, List.of(
                turn(aMessage, ConversationState.fresh(a), List.of("one", "two"), null),
                turn(staleMessage, staleState, List.of("never"), null),
                turn(secondInLine, ConversationState.fresh(outOfTurn), List.of("never"), null),
                turn(confirm, ConversationState.fresh(onboarded), List.of("welcome"), profile)));

        assertThat(results.get(0)).hasValueSatisfying(q -> {
            assertThat(q.claimed()).extracting(c -> c.message().body()).containsExactly("one", "two");
            assertThat(q.ids()).isSorted().hasSize(2);
        });
        assertThat(results.get(1)).isEmpty();
        assertThat(results.get(2)).isEmpty();
        assertThat(results.get(3)).hasValueSatisfying(q ->
                assertThat(q.claimed()).extracting(c -> c.message().body()).containsExactly("welcome"));

        assertThat(bodies(a)).containsExactly("one", "two");
        assertThat(bodies(stale)).isEmpty();
        assertThat(bodies(outOfTurn)).isEmpty();
        assertThat(bodies(onboarded)).containsExactly("welcome");
        assertThat(store.load(a).version()).isEqualTo(1);
        assertThat(store.load(stale)).isEqualTo(ConversationState.fresh(stale));
        assertThat(store.load(outOfTurn)).isEqualTo(ConversationState.fresh(outOfTurn));
        assertThat(inbox.pending(a, 10)).isEmpty();
        assertThat(inbox.pending(stale, 10)).hasSize(1);
        assertThat(inbox.pending(outOfTurn, 10)).hasSize(2);
        assertThat(jdbc.sql("select name || '/' || language || '/' || city || '/' || array_to_string(products, ',') from partners where phone = :p")
                .param("p", "+919811100004").query(String.class).single()).isEqualTo("Asha/hi/Pune/LOANS,DEMAT");
    }

    @Test
    void concurrentTurnsOfManyConversationsAllCommitWithTheirOwnReplies() throws Exception {
        int conversations = 40;
        List<Inbox.Stored> messages = new ArrayList<>();
        for (int i = 0; i < conversations; i++) {
            messages.add(store(key(100 + i), "hi"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Optional<ConversationStore.Queued>>> futures = new ArrayList<>();
            for (int i = 0; i < conversations; i++) {
                Inbox.Stored m = messages.get(i);
                String body = "reply " + i;
                futures.add(pool.submit(() -> store.commitTurn(m.message(), m.stateIfNext(),
                        result(List.of(body, body + " again"), null), FROM, true)));
            }
            for (int i = 0; i < conversations; i++) {
                ConversationStore.Queued q = futures.get(i).get().orElseThrow();
                assertThat(q.claimed()).extracting(c -> c.message().body()).containsExactly("reply " + i, "reply " + i + " again");
                ConversationKey k = key(100 + i);
                assertThat(q.claimed()).allSatisfy(c -> assertThat(c.message().conversation()).isEqualTo(k));
                assertThat(bodies(k)).containsExactly("reply " + i, "reply " + i + " again");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static ConversationKey key(int n) {
        return new ConversationKey(Channel.WHATSAPP, String.format("+9198111%05d", n));
    }

    private Inbox.Stored store(ConversationKey k, String text) {
        return inbox.store(new InboundMessage(String.format("SM%032d", SIDS.incrementAndGet()), k, FROM, text, List.of(),
                "Asha", Instant.now())).orElseThrow();
    }

    private static JdbcConversationStore.TurnCommit turn(Inbox.Stored stored, ConversationState before, List<String> replies,
                                                         PartnerProfile profile) {
        return JdbcConversationStore.TurnCommit.of(stored.message(), before, result(replies, profile), FROM, true);
    }

    private static TurnResult result(List<String> replies, PartnerProfile profile) {
        // as the onboarding dialog confirms a profile: the conversation goes on in the language chosen
        Language language = profile == null ? Language.EN : profile.language();
        return new TurnResult("MAIN_MENU", Map.of(), language, replies, OptOutChange.NONE, profile);
    }

    private List<String> bodies(ConversationKey k) {
        return jdbc.sql("select body from outbound_messages where conversation_key = :k order by id")
                .param("k", k.value()).query(String.class).list();
    }
}
