package com.shisha.app;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conversation tests as data: every file under conversations/ is a partner's conversation, driven through the
 * signed Twilio webhook, the real pipeline and dialogs, and checked at the Twilio stand-in (what Twilio would
 * receive: From, To, Body, or the text of an interactive content). A turn lists texts the one reply must contain,
 * or says the bot stays silent; a partner may type, tap a button ({@code tap}) or pick from a list ({@code pick}).
 */
class ConversationFilesTest extends AbstractPipelineTest {

    /**
     * @param ollama what the coach's model answers on this turn; null: the model is down (the default)
     * @param tap    a quick-reply button tapped (its id, sent as ButtonPayload with {@code partner} as its text)
     * @param pick   a list item picked (its id, sent as ListId with {@code partner} as its text)
     * @param maxChars the longest the reply may be; 0: the channel's own limit
     */
    record Turn(String partner, List<String> bot, List<String> botNot, boolean silent, String ollama, String tap, String pick,
                int maxChars) {
    }

    record Conversation(String file, String description, String channel, List<Turn> turns) {
        @Override
        public String toString() {
            return file + ": " + description;
        }
    }

    static Stream<Conversation> conversations() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:conversations/*.yaml");
        assertThat(files).as("conversation files").isNotEmpty();
        List<Conversation> all = new ArrayList<>();
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                Map<String, Object> doc = new Yaml().load(in);
                List<Turn> turns = new ArrayList<>();
                for (Object t : (List<?>) doc.get("turns")) {
                    Map<?, ?> turn = (Map<?, ?>) t;
                    turns.add(new Turn(String.valueOf(turn.get("partner")), strings(turn.get("bot")), strings(turn.get("bot_not")),
                            Boolean.TRUE.equals(turn.get("silent")), turn.get("ollama") == null ? null : String.valueOf(turn.get("ollama")),
                            turn.get("tap") == null ? null : String.valueOf(turn.get("tap")),
                            turn.get("pick") == null ? null : String.valueOf(turn.get("pick")),
                            turn.get("max_chars") == null ? 0 : ((Number) turn.get("max_chars")).intValue()));
                }
                all.add(new Conversation(file.getFilename(), String.valueOf(doc.get("description")),
                        String.valueOf(doc.getOrDefault("channel", "whatsapp")), turns));
            }
        }
        return all.stream();
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conversations")
    void conversation(Conversation conversation) {
        conversationFile = conversation.file();
        String phone = freshPhone();
        boolean sms = conversation.channel().equals("sms");
        String to = sms ? phone : "whatsapp:" + phone;
        String from = sms ? SMS_FROM : WHATSAPP_FROM;
        int expectedReplies = 0;
        for (Turn turn : conversation.turns()) {
            String sid = newMessageSid();
            var model = turn.ollama() == null ? null : OllamaAppStandIn.coachAnswers(turn.ollama());
            try {
                expectedReplies = say(turn, phone, sms, to, from, sid, expectedReplies);
            } finally {
                if (model != null) {
                    OllamaAppStandIn.remove(model);
                }
            }
        }
        TwilioStandIn.sleep(100);
        assertThat(TwilioStandIn.sentTo(to)).as("no extra replies").hasSize(expectedReplies);
        assertThat(latinInHindi).as("Hindi replies with Latin words outside the allow-list").isEmpty();
    }

    private String conversationFile;

    /** One turn: post the partner's message, check the reply; returns the number of replies expected so far. */
    private int say(Turn turn, String phone, boolean sms, String to, String from, String sid, int expectedReplies) {
        java.util.regex.Matcher typed = java.util.regex.Pattern.compile("[A-Za-z]+").matcher(turn.partner());
        while (typed.find()) {
            typedByPartner.add(typed.group());
        }
        java.util.Map<String, String> form = sms ? smsForm(phone, turn.partner(), sid) : whatsappForm(phone, turn.partner(), sid);
        if (turn.tap() != null) {
            form.put("ButtonPayload", turn.tap());
            form.put("ButtonText", turn.partner());
        }
        if (turn.pick() != null) {
            form.put("ListId", turn.pick());
            form.put("ListTitle", turn.partner());
        }
        HttpResponse<String> ack = postSigned("/webhooks/twilio/messaging", form);
        assertThat(ack.statusCode()).as("ack of '%s'", turn.partner()).isEqualTo(200);
        assertThat(ack.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
        assertThat(ack.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/xml"));
        assertThat(awaitProcessed(sid, REPLY_TIMEOUT)).as("'%s' processed", turn.partner()).isTrue();
        if (turn.silent()) {
            TwilioStandIn.sleep(150); // a reply, had one been queued, would reach the stand-in within this
            assertThat(TwilioStandIn.sentTo(to)).as("no reply to '%s'", turn.partner()).hasSize(expectedReplies);
            return expectedReplies;
        }
        expectedReplies++;
        List<TwilioStandIn.Sent> sent = TwilioStandIn.awaitSent(to, expectedReplies, REPLY_TIMEOUT);
        assertThat(sent).as("replies after '%s'", turn.partner()).hasSize(expectedReplies);
        TwilioStandIn.Sent reply = sent.get(expectedReplies - 1);
        assertThat(reply.from()).isEqualTo(from);
        assertThat(reply.to()).isEqualTo(to);
        for (String expected : turn.bot()) {
            assertThat(reply.body()).as("reply to '%s'", turn.partner()).contains(expected);
        }
        for (String unexpected : turn.botNot()) {
            assertThat(reply.body()).as("reply to '%s'", turn.partner()).doesNotContain(unexpected);
        }
        if (turn.maxChars() > 0) {
            assertThat(reply.body().length()).as("length of the reply to '%s'", turn.partner()).isLessThanOrEqualTo(turn.maxChars());
        }
        checkHindi(conversationFile, sid, reply.body());
        return expectedReplies;
    }

    /** The Hindi replies of this conversation with Latin words outside the allow-list (see {@link HindiText}). */
    private final List<String> latinInHindi = new ArrayList<>();
    /** Latin words the partner typed in this conversation: their own name, echoed back, is theirs to spell. */
    private final java.util.Set<String> typedByPartner = new java.util.HashSet<>();
    static final List<String> LATIN_IN_HINDI = new java.util.concurrent.CopyOnWriteArrayList<>();
    static final java.util.concurrent.atomic.AtomicInteger HINDI_REPLIES = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A reply is Hindi when the conversation is in Hindi once the turn is done: the language the bot wrote it in,
     * so a reply that slipped into English whole counts too, and an English reply naming हिंदी as a choice does not.
     */
    private void checkHindi(String file, String sid, String body) {
        String language = jdbc.sql("select c.language from conversations c join inbound_messages m"
                        + " on m.conversation_key = c.conversation_key where m.provider_message_id = :sid")
                .param("sid", sid).query(String.class).single();
        if (!"hi".equals(language)) {
            return;
        }
        HINDI_REPLIES.incrementAndGet();
        java.util.Set<String> allowed = new java.util.HashSet<>(typedByPartner);
        java.util.Set<String> latin = HindiText.latinWords(body, allowed);
        if (!latin.isEmpty()) {
            latinInHindi.add(latin + " in: " + body.replace('\n', ' '));
            LATIN_IN_HINDI.add(file + ": " + latin);
        }
    }

    @org.junit.jupiter.api.AfterAll
    static void countLatinInHindiReplies() {
        System.out.println("Hindi replies with Latin words outside the allow-list: " + LATIN_IN_HINDI.size() + " of "
                + HINDI_REPLIES.get());
        LATIN_IN_HINDI.forEach(x -> System.out.println("  " + x));
    }
}
