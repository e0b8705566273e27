package com.shisha.persistence.console;

import com.shisha.core.console.StaffAccounts;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

@Component
class JpaStaffAccounts implements StaffAccounts {

    private final StaffMemberRepository repository;
    private final Clock clock;

    JpaStaffAccounts(StaffMemberRepository repository, Optional<Clock> clock) {
        this.repository = repository;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    @Transactional(transactionManager = ConsolePersistence.TRANSACTIONS, readOnly = true)
    public Optional<Staff> find(long id) {
        return repository.findById(id).map(StaffMember::view);
    }

    @Override
    @Transactional(transactionManager = ConsolePersistence.TRANSACTIONS, readOnly = true)
    public Optional<Credentials> credentials(String email) {
        String normal;
        try {
            normal = StaffMember.normalEmail(email);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return repository.findByEmail(normal).map(m -> new Credentials(m.view(), m.passwordHash()));
    }

    @Override
    @Transactional(transactionManager = ConsolePersistence.TRANSACTIONS)
    public Staff create(String email, String name, Role role, String passwordHash) {
        StaffMember member = new StaffMember(email, name, role, passwordHash, clock.instant());
        if (repository.findByEmail(StaffMember.normalEmail(email)).isPresent()) {
            throw new IllegalArgumentException("there is a staff account for " + StaffMember.normalEmail(email) + " already");
        }
        try {
            return repository.saveAndFlush(member).view();
        } catch (DataIntegrityViolationException e) {
            // another instance created it between the check and the insert
            throw new IllegalArgumentException("there is a staff account for " + StaffMember.normalEmail(email) + " already", e);
        }
    }

    @Override
    @Transactional(transactionManager = ConsolePersistence.TRANSACTIONS)
    public Staff changePassword(long id, String passwordHash) {
        StaffMember member = repository.findById(id).orElseThrow(() -> new IllegalArgumentException("no staff account " + id));
        member.changePassword(passwordHash);
        return repository.saveAndFlush(member).view();
    }

    @Override
    @Transactional(transactionManager = ConsolePersistence.TRANSACTIONS)
    public Staff setActive(long id, boolean active) {
        StaffMember member = repository.findById(id).orElseThrow(() -> new IllegalArgumentException("no staff account " + id));
        member.setActive(active);
        return repository.saveAndFlush(member).view();
    }

    @Override
    @Transactional(transactionManager = ConsolePersistence.TRANSACTIONS, readOnly = true)
    public List<Staff> all() {
        return repository.findAllByOrderByIdAsc().stream().map(StaffMember::view).toList();
    }

    @Override
    @Transactional(transactionManager = ConsolePersistence.TRANSACTIONS, readOnly = true)
    public long count() {
        return repository.count();
    }
}
