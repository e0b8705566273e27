package com.shisha.persistence.jdbc;

import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.InboundMessage;
import com.shisha.core.Language;
import com.shisha.core.dialog.Choices;
import com.shisha.core.dialog.Choices.Choice;
import com.shisha.core.dialog.ConversationState;
import com.shisha.core.dialog.OptOutChange;
import com.shisha.core.dialog.TurnResult;
import com.shisha.core.journey.JourneyUpdate;
import com.shisha.core.pipeline.ConversationStore;
import com.shisha.core.pipeline.Outbox;
import com.shisha.core.pipeline.StoredInbound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tap instead of type, in PostgreSQL: a tapped choice's id stays with its inbound message, and the choices a turn
 * offers stay with its last reply, so a message redelivered or recovered after a crash, and a reply resumed after
 * one, are the same as before it. The content made for each choice set is kept once for every instance.
 */
class ChoicesStorageTest {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final AtomicInteger SIDS = new AtomicInteger();
    private static final String FROM = "whatsapp:+14155238886";
    private static final Choices YES_NO = Choices.buttons(List.of(new Choice("confirm:yes", "Yes"), new Choice("confirm:no", "No")));
    private static final Choices PRODUCTS = Choices.list("Products", List.of(
            new Choice("product:LOAN", "Personal loan", "Up to 5 lakh"), new Choice("product:CREDIT_CARD", "कार्ड")));

    private JdbcClient jdbc;
    private JdbcInbox inbox;
    private JdbcConversationStore store;
    private JdbcOutbox outbox;
    private final ConversationKey key = new ConversationKey(Channel.WHATSAPP, "+919811100001");

    @BeforeEach
    void freshDatabase() {
        PipelineStores stores = PipelineStores.fresh(LEASE);
        jdbc = stores.jdbc();
        inbox = stores.inbox();
        store = stores.conversations();
        outbox = stores.outbox();
    }

    @Test
    void aTappedChoiceIsStoredWithItsMessageAndReadBackEveryWay() {
        InboundMessage tapped = message(key, "Personal loan", "product:LOAN");
        InboundMessage typed = message(new ConversationKey(Channel.WHATSAPP, "+919811100002"), "2", null);

        // one batch holding a tap and a typed message: the typed one stores without a choice
        List<com.shisha.core.pipeline.Inbox.Attempt> attempts = inbox.storeAll(List.of(tapped, typed));
        assertThat(attempts).allSatisfy(a -> assertThat(a.stored()).isPresent());
        assertThat(attempts.get(0).stored().orElseThrow().message().message().choiceId()).isEqualTo("product:LOAN");

        assertThat(inbox.pending(key, 10)).singleElement().satisfies(m -> {
            assertThat(m.message().choiceId()).isEqualTo("product:LOAN");
            assertThat(m.message().text()).isEqualTo("Personal loan");
        });
        assertThat(store.open(key, 10).pending()).singleElement().satisfies(m -> assertThat(m.message().choiceId()).isEqualTo("product:LOAN"));
        assertThat(inbox.pending(typed.conversation(), 10)).singleElement().satisfies(m -> assertThat(m.message().choiceId()).isNull());

        // a redelivery of the same MessageSid is a duplicate, and the stored tap is unchanged
        assertThat(inbox.store(message(key, "Personal loan", "product:LOAN", tapped.providerMessageId()))).isEmpty();
        assertThat(jdbc.sql("select choice_id from inbound_messages where provider_message_id = :sid")
                .param("sid", tapped.providerMessageId()).query(String.class).single()).isEqualTo("product:LOAN");
    }

    @Test
    void aTypedBatchUsesTheStatementItAlwaysUsed() {
        inbox.store(message(key, "hi", null));
        assertThat(jdbc.sql("select count(*) from inbound_messages where choice_id is not null").query(Integer.class).single()).isZero();
    }

    @Test
    void theChoicesGoWithTheTurnsLastReplyAndSurviveAResumedSend() {
        ConversationStore.Queued queued = commit(stored("hi"), result(List.of("Welcome!", "Is that right?"), YES_NO)).orElseThrow();

        assertThat(queued.claimed()).extracting(c -> c.message().choices()).containsExactly(null, YES_NO);
        assertThat(choicesColumn()).containsExactly(null, YES_NO);

        // as after a crash mid-send: the lease runs out, another sender resumes the row and still offers the choices
        long last = queued.ids().get(1);
        jdbc.sql("update outbound_messages set lease_until = now() - interval '1 second' where conversation_key = :key")
                .param("key", key.value()).update();
        outbox.markSent(queued.ids().get(0), "SM" + "1".repeat(32));
        Outbox.ClaimedMessage resumed = outbox.claim(last, LEASE).orElseThrow();
        assertThat(resumed.resumed()).isTrue();
        assertThat(resumed.message().choices()).isEqualTo(YES_NO);
        assertThat(resumed.message().body()).isEqualTo("Is that right?");
    }

    @Test
    void aListKeepsItsButtonTitlesAndDescriptionsInAnyScript() {
        StoredInbound inbound = stored("products");
        ConversationStore.Queued queued = store.commitTurn(inbound, store.load(key), result(List.of("Which products do you sell?"), PRODUCTS),
                FROM, false).orElseThrow();

        Choices read = outbox.claim(queued.ids().get(0), LEASE).orElseThrow().message().choices();
        assertThat(read).isEqualTo(PRODUCTS);
        assertThat(read.button()).isEqualTo("Products");
        assertThat(read.items().get(1).title()).isEqualTo("कार्ड");
        assertThat(read.items().get(1).description()).isNull();
    }

    @Test
    void oneBatchOfTurnsWithAndWithoutChoicesGivesEachReplyItsOwn() {
        ConversationKey other = new ConversationKey(Channel.WHATSAPP, "+919811100003");
        ConversationKey third = new ConversationKey(Channel.SMS, "+919811100004");
        List<JdbcConversationStore.TurnCommit> turns = List.of(
                JdbcConversationStore.TurnCommit.of(stored(key, "a"), store.load(key), result(List.of("one", "two"), null), FROM, true),
                JdbcConversationStore.TurnCommit.of(stored(other, "b"), store.load(other), result(List.of("three", "four"), PRODUCTS), FROM, true),
                JdbcConversationStore.TurnCommit.of(stored(third, "c"), store.load(third), result(List.of("five"), YES_NO), "+15005550006", false));

        List<java.util.Optional<ConversationStore.Queued>> results = store.commit(jdbc, turns);

        assertThat(results).allSatisfy(r -> assertThat(r).isPresent());
        assertThat(jdbc.sql("select body, choices::text from outbound_messages order by id")
                .query((rs, n) -> rs.getString(1) + "=" + (rs.getString(2) == null ? "-" : new Json().readChoices(rs.getString(2)).kind()))
                .list()).containsExactly("one=-", "two=-", "three=-", "four=LIST", "five=BUTTONS");
        assertThat(results.get(1).orElseThrow().claimed()).extracting(c -> c.message().choices()).containsExactly(null, PRODUCTS);
        assertThat(results.get(2).orElseThrow().claimed()).as("not claimed: the dispatcher reads the row").isEmpty();
    }

    @Test
    void anOptedOutPartnerGetsNeitherRepliesNorChoices() {
        jdbc.sql("insert into conversations (conversation_key, channel, address, step, opted_out_at) values (:k, 'WHATSAPP', :a, 'MENU', now())")
                .param("k", key.value()).param("a", key.address()).update();
        StoredInbound inbound = stored("hello");
        ConversationState optedOut = store.load(key);

        assertThat(store.commitTurn(inbound, optedOut, result(List.of("Is that right?"), YES_NO), FROM, true).orElseThrow().isEmpty()).isTrue();
        assertThat(choicesColumn()).isEmpty();
    }

    @Test
    void aJourneyTurnOffersItsChoicesWithItsLastReplyToo() {
        long partner = jdbc.sql("insert into partners (phone, name) values ('+919811100001', 'Asha') returning id").query(Long.class).single();
        TurnResult journeyTurn = new TurnResult("LEADS", Map.of(), Language.EN, List.of("Your leads", "How did the call go?"),
                OptOutChange.NONE, null, new JourneyUpdate(partner, List.of(), awards -> ""), PRODUCTS);

        ConversationStore.Queued queued = commit(stored("leads"), journeyTurn).orElseThrow();

        assertThat(queued.claimed()).extracting(c -> c.message().choices()).containsExactly(null, PRODUCTS);
        assertThat(choicesColumn()).containsExactly(null, PRODUCTS);
    }

    @Test
    void contentForAChoiceSetIsKeptOnceTheFirstToKeepItWins() throws Exception {
        JdbcChoiceContents contents = new JdbcChoiceContents(jdbc);
        assertThat(contents.find("buttons:abc")).isEmpty();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> racers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String sid = String.format("HX%032x", i);
                racers.add(() -> contents.keep("buttons:abc", sid));
            }
            List<String> kept = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(racers)) {
                kept.add(f.get());
            }
            assertThat(kept).as("every racer uses the one sid kept").containsOnly(kept.get(0));
            assertThat(contents.find("buttons:abc")).contains(kept.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(contents.keep("list:def", "HX" + "e".repeat(32))).isEqualTo("HX" + "e".repeat(32));
    }

    private java.util.Optional<ConversationStore.Queued> commit(StoredInbound inbound, TurnResult result) {
        return store.commitTurn(inbound, store.load(inbound.message().conversation()), result, FROM, true);
    }

    private StoredInbound stored(String text) {
        return stored(key, text);
    }

    private StoredInbound stored(ConversationKey conversation, String text) {
        assertThat(inbox.store(message(conversation, text, null))).isPresent();
        return inbox.pending(conversation, 1).get(0);
    }

    private static InboundMessage message(ConversationKey conversation, String text, String choiceId) {
        return message(conversation, text, choiceId, String.format("SM%032d", SIDS.incrementAndGet()));
    }

    private static InboundMessage message(ConversationKey conversation, String text, String choiceId, String sid) {
        return new InboundMessage(sid, conversation, FROM, text, List.of(), "Asha", Instant.now(), null, choiceId);
    }

    private static TurnResult result(List<String> replies, Choices choices) {
        return new TurnResult("MENU", Map.of(), Language.EN, replies, OptOutChange.NONE, null, null, choices);
    }

    /** The choices column of the conversation's rows, oldest first. */
    private List<Choices> choicesColumn() {
        Json json = new Json();
        return jdbc.sql("select choices::text from outbound_messages where conversation_key = :key order by id")
                .param("key", key.value())
                .query((rs, n) -> json.readChoices(rs.getString(1)))
                .list();
    }
}
