package com.shisha.channels.web;

import com.shisha.core.Channel;
import com.shisha.core.OutboundMessage;
import com.shisha.core.pipeline.ChannelSender;

import java.util.UUID;

/** The web chat channel's sender: replies, with the choices they offer, are pushed to the browser over Server-Sent Events. */
public final class WebChatSender implements ChannelSender {

    static final String FROM = "web:shisha";

    private final WebChatHub hub;

    public WebChatSender(WebChatHub hub) {
        this.hub = hub;
    }

    @Override
    public Channel channel() {
        return Channel.WEB;
    }

    @Override
    public String defaultFrom() {
        return FROM;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        hub.publish(message.conversation().address(), message.body(), message.choices());
        return new SendResult.Accepted("web-" + UUID.randomUUID());
    }
}
