package com.shisha.persistence.console;

import com.shisha.core.console.LeadImports;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * An import: RUNNING until it ends, DONE or FAILED, once. Its counts are added chunk by chunk with atomic SQL (a
 * chunk's rows and its counts commit together), so the entity reads them and never writes them.
 */
@Entity
@Table(name = "lead_imports")
class LeadImportRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String source;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "staff_id")
    private Long staffId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LeadImports.State state;

    @Column(name = "total_rows", nullable = false)
    private long totalRows;

    @Column(insertable = false, updatable = false)
    private long processed;

    @Column(insertable = false, updatable = false)
    private long created;

    @Column(insertable = false, updatable = false)
    private long updated;

    @Column(insertable = false, updatable = false)
    private long merged;

    @Column(insertable = false, updatable = false)
    private long refused;

    private String failure;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Version
    private long version;

    protected LeadImportRecord() {
        // for JPA
    }

    LeadImportRecord(String source, String fileName, Long staffId, long totalRows, Instant at) {
        if (!"CSV".equals(source) && !"API".equals(source)) {
            throw new IllegalArgumentException("an import comes from CSV or API, not " + source);
        }
        this.source = source;
        this.fileName = fileName;
        this.staffId = staffId;
        this.totalRows = Math.max(0, totalRows);
        this.state = LeadImports.State.RUNNING;
        this.createdAt = at;
    }

    void finish(String why, Instant at) {
        if (state != LeadImports.State.RUNNING) {
            throw new IllegalStateException("import " + id + " has ended already");
        }
        state = why == null ? LeadImports.State.DONE : LeadImports.State.FAILED;
        failure = why;
        finishedAt = at;
    }

    LeadImports.Import view() {
        return new LeadImports.Import(id, source, fileName, staffId, state, totalRows, processed, created, updated, merged,
                refused, failure, createdAt, finishedAt);
    }
}
