package com.shisha.persistence.console;

import com.shisha.core.console.AuditLog;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

@Component
class JpaAuditLog implements AuditLog {

    private final AuditEntryRepository repository;
    private final Clock clock;

    JpaAuditLog(AuditEntryRepository repository, Optional<Clock> clock) {
        this.repository = repository;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    @Transactional(transactionManager = ConsolePersistence.TRANSACTIONS)
    public void record(Long staffId, String who, String action, Long partnerId, String detail) {
        repository.save(new AuditEntry(clock.instant(), staffId, who, action, partnerId, detail));
    }

    @Override
    @Transactional(transactionManager = ConsolePersistence.TRANSACTIONS, readOnly = true)
    public List<Entry> recent(int limit) {
        return repository.findAllByOrderByIdDesc(PageRequest.of(0, Math.max(1, Math.min(limit, 1000)))).stream()
                .map(AuditEntry::view).toList();
    }
}
