package com.shisha.persistence.console;

import com.shisha.core.ConversationKey;
import com.shisha.core.console.Handoffs;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Handoffs in PostgreSQL. At most one open handoff per conversation is a unique index, so two instances queueing
 * the same partner at once end with one; a change that lost a race to another instance is reported, not applied.
 */
@Component
class JpaHandoffs implements Handoffs {

    private final HandoffRepository repository;
    private final JdbcClient jdbc;
    private final Clock clock;

    JpaHandoffs(HandoffRepository repository, JdbcClient jdbc, Optional<Clock> clock) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    public Handoff request(ConversationKey conversation, Reason reason, String note) {
        Optional<Handoff> open = openFor(conversation);
        if (open.isPresent()) {
            return open.get();
        }
        try {
            return repository.saveAndFlush(new HandoffRecord(conversation, reason, note, clock.instant())).view();
        } catch (DataIntegrityViolationException e) {
            // queued by another instance a moment ago: that one is the handoff
            return openFor(conversation).orElseThrow(() -> e);
        }
    }

    /** Asked on every turn, so it is one indexed JDBC read rather than a trip through the entity manager. */
    @Override
    public Optional<Handoff> openFor(ConversationKey conversation) {
        return jdbc.sql("""
                        select id, reason, state, note, agent_id, opened_at, claimed_at, closed_at, closed_by from handoffs
                        where channel = ? and address = ? and state <> 'RETURNED'""")
                .params(conversation.channel().name(), conversation.address())
                .query((rs, n) -> new Handoff(rs.getLong("id"), conversation, Reason.valueOf(rs.getString("reason")),
                        State.valueOf(rs.getString("state")), rs.getString("note"), (Long) rs.getObject("agent_id"),
                        instant(rs.getTimestamp("opened_at")), instant(rs.getTimestamp("claimed_at")),
                        instant(rs.getTimestamp("closed_at")), (Long) rs.getObject("closed_by")))
                .optional();
    }

    private static java.time.Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    @Override
    @Transactional(transactionManager = ConsolePersistence.TRANSACTIONS, readOnly = true)
    public Optional<Handoff> find(long id) {
        return repository.findById(id).map(HandoffRecord::view);
    }

    @Override
    public Handoff claim(long id, long agentId) {
        return change(id, h -> h.claim(agentId, clock.instant()));
    }

    @Override
    public Handoff handBack(long id, long byStaffId) {
        return change(id, h -> h.handBack(byStaffId, clock.instant()));
    }

    private Handoff change(long id, Consumer<HandoffRecord> change) {
        HandoffRecord record = repository.findById(id).orElseThrow(() -> new IllegalArgumentException("no handoff " + id));
        change.accept(record);
        try {
            return repository.saveAndFlush(record).view();
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new IllegalStateException("handoff " + id + " was changed by someone else just now; look again", e);
        }
    }

    @Override
    @Transactional(transactionManager = ConsolePersistence.TRANSACTIONS, readOnly = true)
    public List<Handoff> queue() {
        return repository.findByStateNotOrderByOpenedAtAsc(State.RETURNED).stream().map(HandoffRecord::view).toList();
    }
}
