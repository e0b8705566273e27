package com.shisha.persistence.console;

import com.shisha.core.console.StaffAccounts;
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
import java.util.Locale;
import java.util.Objects;

/** A staff account. Its password and on/off switch change only through methods that also end its sessions. */
@Entity
@Table(name = "staff_members")
class StaffMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(name = "display_name", nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StaffAccounts.Role role;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "session_version", nullable = false)
    private long sessionVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected StaffMember() {
        // for JPA
    }

    StaffMember(String email, String name, StaffAccounts.Role role, String passwordHash, Instant createdAt) {
        this.email = normalEmail(email);
        this.name = Objects.requireNonNull(name, "name").strip();
        this.role = Objects.requireNonNull(role, "role");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.active = true;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        if (this.name.isEmpty()) {
            throw new IllegalArgumentException("a staff member needs a name");
        }
    }

    static String normalEmail(String email) {
        String e = Objects.requireNonNull(email, "email").strip().toLowerCase(Locale.ROOT);
        if (!e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("not an email address: " + email);
        }
        return e;
    }

    void changePassword(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash, "newHash");
        sessionVersion++;
    }

    void setActive(boolean on) {
        if (active && !on) {
            sessionVersion++;
        }
        active = on;
    }

    String passwordHash() {
        return passwordHash;
    }

    StaffAccounts.Staff view() {
        return new StaffAccounts.Staff(id, email, name, role, active, sessionVersion, createdAt);
    }
}
