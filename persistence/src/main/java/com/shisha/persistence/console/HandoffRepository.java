package com.shisha.persistence.console;

import com.shisha.core.console.Handoffs;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface HandoffRepository extends JpaRepository<HandoffRecord, Long> {

    List<HandoffRecord> findByStateNotOrderByOpenedAtAsc(Handoffs.State state);
}
