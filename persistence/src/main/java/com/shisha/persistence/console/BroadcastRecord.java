package com.shisha.persistence.console;

import com.shisha.core.console.Broadcasts;
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
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A broadcast. DRAFT → SENDING → SENT, or → CANCELLED from a draft or while sending; a sent or cancelled broadcast
 * never starts again (its recipients were fixed once and some of them have it).
 */
@Entity
@Table(name = "broadcasts")
class BroadcastRecord {

    private static final Pattern TEMPLATE = Pattern.compile("HX[0-9a-fA-F]{32}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "template_sid", nullable = false)
    private String templateSid;

    @Column(nullable = false)
    private String body;

    private String city;
    private String product;
    private String language;

    @Column(name = "min_skill")
    private Integer minSkill;

    @Column(name = "max_skill")
    private Integer maxSkill;

    @Column(name = "active_days")
    private Integer activeDays;

    @Column(name = "inactive_days")
    private Integer inactiveDays;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Broadcasts.State state;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Version
    private long version;

    protected BroadcastRecord() {
        // for JPA
    }

    BroadcastRecord(String name, String templateSid, String body, Broadcasts.Segment segment, long createdBy, Instant at) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a broadcast needs a name");
        }
        if (templateSid == null || !TEMPLATE.matcher(templateSid).matches()) {
            throw new IllegalArgumentException("templateSid must be an approved template's Content SID: HX and 32 hex digits");
        }
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("body: the template's text as partners read it");
        }
        this.name = name.strip();
        this.templateSid = templateSid;
        this.body = body.strip();
        this.city = segment.city();
        this.product = segment.product();
        this.language = segment.language();
        this.minSkill = segment.minSkill();
        this.maxSkill = segment.maxSkill();
        this.activeDays = segment.activeWithinDays();
        this.inactiveDays = segment.inactiveForDays();
        this.createdBy = createdBy;
        this.createdAt = Objects.requireNonNull(at);
        this.state = Broadcasts.State.DRAFT;
    }

    void start(Instant at) {
        if (state != Broadcasts.State.DRAFT) {
            throw new IllegalStateException("broadcast " + id + " is " + state.name().toLowerCase() + ": only a draft starts");
        }
        state = Broadcasts.State.SENDING;
        startedAt = at;
    }

    void finish(Instant at) {
        if (state != Broadcasts.State.SENDING) {
            throw new IllegalStateException("broadcast " + id + " is not sending");
        }
        state = Broadcasts.State.SENT;
        finishedAt = at;
    }

    void cancel(Instant at) {
        if (state == Broadcasts.State.SENT || state == Broadcasts.State.CANCELLED) {
            throw new IllegalStateException("broadcast " + id + " is " + state.name().toLowerCase() + " already");
        }
        state = Broadcasts.State.CANCELLED;
        finishedAt = at;
    }

    Broadcasts.Segment segment() {
        return new Broadcasts.Segment(city, product, language, minSkill, maxSkill, activeDays, inactiveDays);
    }

    Broadcasts.Broadcast view() {
        return new Broadcasts.Broadcast(id, name, templateSid, body, segment(), state, createdBy, createdAt, startedAt, finishedAt);
    }
}
