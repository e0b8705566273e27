package com.shisha.persistence.console;

import com.shisha.core.Product;
import com.shisha.core.coach.CoachGuide;
import com.shisha.core.console.GuideVersions;
import com.shisha.core.journey.Skill;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One version of a guide section. It has no setters: a version is what an editor saved, and changing the guide
 * means saving the next one, so the history is the record of who changed what.
 */
@Entity
@Table(name = "guide_versions")
class GuideVersionRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "section_id", nullable = false, updatable = false)
    private String sectionId;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(nullable = false, updatable = false)
    private boolean retired;

    @Column(updatable = false)
    private String products;

    @Column(updatable = false)
    private String skills;

    @Column(name = "title_en", updatable = false)
    private String titleEn;

    @Column(name = "body_en", updatable = false)
    private String bodyEn;

    @Column(name = "title_hi", updatable = false)
    private String titleHi;

    @Column(name = "body_hi", updatable = false)
    private String bodyHi;

    @Column(updatable = false)
    private String questions;

    @Column(updatable = false)
    private String note;

    @Column(name = "staff_id", updatable = false)
    private Long staffId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected GuideVersionRecord() {
        // for JPA
    }

    /** @param section null to retire the section */
    GuideVersionRecord(String sectionId, int number, CoachGuide.Section section, long staffId, String note, Instant at) {
        if (number < 1) {
            throw new IllegalArgumentException("version numbers start at 1, was " + number);
        }
        if (section != null && !section.id().equals(sectionId)) {
            throw new IllegalArgumentException("section " + section.id() + " saved as " + sectionId);
        }
        this.sectionId = Objects.requireNonNull(sectionId, "sectionId");
        this.number = number;
        this.retired = section == null;
        if (section != null) {
            this.products = section.products().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
            this.skills = section.skills().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
            this.titleEn = section.english().title();
            this.bodyEn = section.english().body();
            this.titleHi = section.hindi().title();
            this.bodyHi = section.hindi().body();
            this.questions = String.join("\n", section.questions());
        }
        this.staffId = staffId;
        this.note = note;
        this.createdAt = Objects.requireNonNull(at, "at");
    }

    String sectionId() {
        return sectionId;
    }

    int number() {
        return number;
    }

    Long staffId() {
        return staffId;
    }

    GuideVersions.Version view(String staffName) {
        CoachGuide.Section section = retired ? null : new CoachGuide.Section(sectionId, codes(products, Product.class),
                codes(skills, Skill.class), new CoachGuide.Text(titleEn, bodyEn), new CoachGuide.Text(titleHi, bodyHi),
                questions == null || questions.isEmpty() ? List.of() : questions.lines().toList());
        return new GuideVersions.Version(id, sectionId, number, section, staffId, staffName, note, createdAt);
    }

    private static <E extends Enum<E>> Set<E> codes(String value, Class<E> type) {
        Set<E> out = EnumSet.noneOf(type);
        if (value != null && !value.isEmpty()) {
            Arrays.stream(value.split(",")).forEach(code -> out.add(Enum.valueOf(type, code)));
        }
        return out;
    }
}
