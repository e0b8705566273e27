package com.shisha.persistence.console;

import com.shisha.core.coach.CoachGuide;
import com.shisha.core.console.GuideVersions;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Guide versions in PostgreSQL; the (section, number) key decides between two editors saving at once. */
@Component
class JpaGuideVersions implements GuideVersions {

    private final GuideVersionRepository repository;
    private final StaffMemberRepository staff;
    private final Clock clock;

    JpaGuideVersions(GuideVersionRepository repository, StaffMemberRepository staff, Optional<Clock> clock) {
        this.repository = repository;
        this.staff = staff;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    @Transactional(transactionManager = ConsolePersistence.TRANSACTIONS)
    public Version save(String sectionId, CoachGuide.Section section, int expected, long staffId, String note) {
        int latest = repository.findFirstBySectionIdOrderByNumberDesc(sectionId).map(GuideVersionRecord::number).orElse(0);
        if (latest != expected) {
            throw new Stale(sectionId, expected, latest);
        }
        try {
            GuideVersionRecord saved = repository.saveAndFlush(
                    new GuideVersionRecord(sectionId, latest + 1, section, staffId, note, clock.instant()));
            return saved.view(names(List.of(saved)).get(staffId));
        } catch (DataIntegrityViolationException e) {
            // the other editor's version took this number a moment ago
            throw new Stale(sectionId, expected, latest + 1);
        }
    }

    @Override
    @Transactional(transactionManager = ConsolePersistence.TRANSACTIONS, readOnly = true)
    public List<Version> current() {
        return views(repository.findLatest());
    }

    @Override
    @Transactional(transactionManager = ConsolePersistence.TRANSACTIONS, readOnly = true)
    public List<Version> history(String sectionId) {
        return views(repository.findBySectionIdOrderByNumberDesc(sectionId));
    }

    @Override
    @Transactional(transactionManager = ConsolePersistence.TRANSACTIONS, readOnly = true)
    public Optional<Version> find(String sectionId, int number) {
        return repository.findBySectionIdAndNumber(sectionId, number).map(v -> views(List.of(v)).get(0));
    }

    @Override
    public long revision() {
        return repository.revision();
    }

    private List<Version> views(List<GuideVersionRecord> records) {
        Map<Long, String> names = names(records);
        return records.stream().map(r -> r.view(r.staffId() == null ? null : names.get(r.staffId()))).toList();
    }

    private Map<Long, String> names(List<GuideVersionRecord> records) {
        Map<Long, String> names = new HashMap<>();
        staff.findAllById(records.stream().map(GuideVersionRecord::staffId).filter(java.util.Objects::nonNull).distinct().toList())
                .forEach(m -> names.put(m.view().id(), m.view().name()));
        return names;
    }
}
