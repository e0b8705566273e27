package com.shisha.core.pipeline;

import com.shisha.core.InboundMessage;

/** An inbound message as the inbox holds it; {@code id} orders messages by arrival. */
public record StoredInbound(long id, InboundMessage message) {
}
