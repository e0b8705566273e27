package com.shisha.persistence.console;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface StaffMemberRepository extends JpaRepository<StaffMember, Long> {

    Optional<StaffMember> findByEmail(String email);

    List<StaffMember> findAllByOrderByIdAsc();
}
