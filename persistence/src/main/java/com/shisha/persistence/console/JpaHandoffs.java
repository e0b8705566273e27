package com.shisha.persistence.console;

import com.shisha.core.ConversationKey;
import com.shisha.core.console.Handoffs;
import org.springframework.dao.DataIntegrityViolationException;
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
    private final Clock clock;

    JpaHandoffs(HandoffRepository repository, Optional<Clock> clock) {
        this.repository = repository;
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

    @Override
    @Transactional(readOnly = true)
    public Optional<Handoff> openFor(ConversationKey conversation) {
        return repository.findByChannelAndAddressAndStateNot(conversation.channel(), conversation.address(), State.RETURNED)
                .map(HandoffRecord::view);
    }

    @Override
    @Transactional(readOnly = true)
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
    @Transactional(readOnly = true)
    public List<Handoff> queue() {
        return repository.findByStateNotOrderByOpenedAtAsc(State.RETURNED).stream().map(HandoffRecord::view).toList();
    }
}
