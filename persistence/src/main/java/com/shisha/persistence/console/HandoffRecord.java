package com.shisha.persistence.console;

import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.console.Handoffs;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;

/**
 * A conversation taken from the bot. Its state moves WAITING → WITH_AGENT → RETURNED (or WAITING → RETURNED) and
 * never back: a handed-back handoff is closed for good, and the next request opens a new one. The version column
 * makes two instances (or two agents) changing it at once fail rather than overwrite each other.
 */
@Entity
@Table(name = "handoffs")
class HandoffRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(nullable = false)
    private String address;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Handoffs.Reason reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Handoffs.State state;

    private String note;

    @Column(name = "agent_id")
    private Long agentId;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_by")
    private Long closedBy;

    @Version
    private long version;

    protected HandoffRecord() {
        // for JPA
    }

    HandoffRecord(ConversationKey conversation, Handoffs.Reason reason, String note, Instant at) {
        this.channel = conversation.channel();
        this.address = conversation.address();
        this.reason = Objects.requireNonNull(reason, "reason");
        this.note = note;
        this.openedAt = Objects.requireNonNull(at, "at");
        this.state = Handoffs.State.WAITING;
    }

    void claim(long agent, Instant at) {
        if (state == Handoffs.State.RETURNED) {
            throw new IllegalStateException("handoff " + id + " was handed back to the bot already");
        }
        this.agentId = agent;
        this.claimedAt = at;
        this.state = Handoffs.State.WITH_AGENT;
    }

    void handBack(long by, Instant at) {
        if (state == Handoffs.State.RETURNED) {
            throw new IllegalStateException("handoff " + id + " was handed back to the bot already");
        }
        this.state = Handoffs.State.RETURNED;
        this.closedAt = at;
        this.closedBy = by;
    }

    Handoffs.Handoff view() {
        return new Handoffs.Handoff(id, new ConversationKey(channel, address), reason, state, note, agentId, openedAt,
                claimedAt, closedAt, closedBy);
    }
}
