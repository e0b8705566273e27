package com.shisha.persistence.console;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface BroadcastRepository extends JpaRepository<BroadcastRecord, Long> {

    List<BroadcastRecord> findAllByOrderByIdDesc();
}
