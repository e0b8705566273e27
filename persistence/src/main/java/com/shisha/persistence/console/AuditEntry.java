package com.shisha.persistence.console;

import com.shisha.core.console.AuditLog;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** One staff action. Immutable: an audit trail that can be edited proves nothing. */
@Entity
@Immutable
@Table(name = "staff_audit")
class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Column(name = "staff_id")
    private Long staffId;

    private String who;

    @Column(nullable = false)
    private String action;

    @Column(name = "partner_id")
    private Long partnerId;

    private String detail;

    protected AuditEntry() {
        // for JPA
    }

    AuditEntry(Instant at, Long staffId, String who, String action, Long partnerId, String detail) {
        this.at = at;
        this.staffId = staffId;
        this.who = who;
        this.action = action;
        this.partnerId = partnerId;
        this.detail = detail;
    }

    AuditLog.Entry view() {
        return new AuditLog.Entry(id, at, staffId, who, action, partnerId, detail);
    }
}
