package com.shisha.persistence.console;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

interface GuideVersionRepository extends JpaRepository<GuideVersionRecord, Long> {

    List<GuideVersionRecord> findBySectionIdOrderByNumberDesc(String sectionId);

    Optional<GuideVersionRecord> findFirstBySectionIdOrderByNumberDesc(String sectionId);

    Optional<GuideVersionRecord> findBySectionIdAndNumber(String sectionId, int number);

    @Query("select v from GuideVersionRecord v where v.number = "
            + "(select max(w.number) from GuideVersionRecord w where w.sectionId = v.sectionId) order by v.id")
    List<GuideVersionRecord> findLatest();

    @Query("select coalesce(max(v.id), 0) from GuideVersionRecord v")
    long revision();
}
