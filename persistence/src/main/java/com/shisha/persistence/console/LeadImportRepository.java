package com.shisha.persistence.console;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface LeadImportRepository extends JpaRepository<LeadImportRecord, Long> {

    List<LeadImportRecord> findAllByOrderByIdDesc(Pageable page);
}
