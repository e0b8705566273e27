package com.shisha.channels.twilio;

import com.shisha.core.Channel;
import com.shisha.core.OutboundMessage;
import com.shisha.core.call.Calls;
import com.shisha.core.pipeline.ChannelSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The replies of a call's turns. The phone line reads them from the outbox itself (they are spoken in the webhook
 * that waits for them), so here a reply is only settled: done once heard; sent on the conversation's own channel
 * when the call ended before it was heard (a coach's answer that came after the caller hung up); held (retried
 * shortly) while the call may still hear it.
 */
public final class VoiceCallSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(VoiceCallSender.class);
    /** A call whose end Twilio never reported (a lost status callback) counts as over after this long. */
    static final Duration LONGEST_CALL = Duration.ofHours(4);
    private static final Duration HOLD = Duration.ofSeconds(2);

    private final Calls calls;
    private final Map<Channel, ChannelSender> chat;
    private final Clock clock;

    /** @param chat the senders of the chat channels, for replies the call did not hear */
    public VoiceCallSender(Calls calls, Map<Channel, ChannelSender> chat, Clock clock) {
        this.calls = calls;
        this.chat = Map.copyOf(chat);
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.VOICE;
    }

    @Override
    public String defaultFrom() {
        return Channel.VOICE.prefix() + ":";
    }

    @Override
    public SendResult send(OutboundMessage message) {
        Optional<Calls.Heard> heard = calls.heardOf(message.id());
        if (heard.isPresent() && heard.get().heard()) {
            return new SendResult.Accepted("heard-" + message.id());
        }
        Calls.Call call = heard.map(Calls.Heard::call).orElse(null);
        boolean over = call == null || call.endedAt() != null
                || call.startedAt().plus(LONGEST_CALL).isBefore(clock.instant());
        if (!over) {
            return new SendResult.Retry(HOLD, "waiting to be heard on the call", false);
        }
        ChannelSender sender = chat.get(message.conversation().channel());
        if (sender == null) {
            return new SendResult.Rejected("not heard on the call, and no sender for " + message.conversation().channel(), false);
        }
        log.info("outbox row {}: the call ended before its reply was heard; sent on {} instead", message.id(),
                message.conversation().channel());
        return sender.send(new OutboundMessage(message.id(), message.conversation(), null, message.body(), message.attempts(),
                message.createdAt(), null, Map.of(), message.choices()));
    }
}
