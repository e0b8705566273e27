package com.shisha.persistence.console;

import com.shisha.core.Channel;
import com.shisha.core.console.Handoffs;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface HandoffRepository extends JpaRepository<HandoffRecord, Long> {

    Optional<HandoffRecord> findByChannelAndAddressAndStateNot(Channel channel, String address, Handoffs.State state);

    List<HandoffRecord> findByStateNotOrderByOpenedAtAsc(Handoffs.State state);
}
