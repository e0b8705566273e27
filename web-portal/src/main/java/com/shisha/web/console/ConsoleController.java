package com.shisha.web.console;

import com.shisha.core.console.AuditLog;
import com.shisha.core.console.Handoffs;
import com.shisha.core.console.StaffAccounts;
import com.shisha.web.api.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The console's API for GroMo staff (the pages under /console call it). Separate from the partner API: its own
 * sessions, no partner token works here, and every action is audited.
 */
@RestController
@Validated
@RequestMapping(path = "/console/api", produces = "application/json")
class ConsoleController {

    private final StaffSignIn signIn;
    private final StaffSessions sessions;
    private final StaffAccounts staff;
    private final AuditLog audit;
    private final Handoffs handoffs;
    private final ConsoleSettings settings;

    ConsoleController(StaffSignIn signIn, StaffSessions sessions, StaffAccounts staff, AuditLog audit, Handoffs handoffs,
                      ConsoleSettings settings) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.staff = staff;
        this.audit = audit;
        this.handoffs = handoffs;
        this.settings = settings;
    }

    record SignIn(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 200) String password) {
    }

    record StaffView(long id, String email, String name, String role, boolean active, Instant createdAt) {
        static StaffView of(StaffAccounts.Staff s) {
            return new StaffView(s.id(), s.email(), s.name(), s.role().name(), s.active(), s.createdAt());
        }
    }

    @PostMapping(path = "/session", consumes = "application/json")
    ResponseEntity<StaffView> signIn(@Valid @RequestBody SignIn body) {
        StaffAccounts.Staff member = signIn.signIn(body.email(), body.password());
        StaffSessions.Issued issued = sessions.issue(member);
        return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, cookie(issued.token(), settings.sessionTtl()).toString())
                .body(StaffView.of(member));
    }

    @DeleteMapping("/session")
    ResponseEntity<Void> signOut(@RequestAttribute(ConsoleAuthFilter.STAFF) StaffAccounts.Staff me) {
        audit.record(me.id(), me.email(), "sign_out", null, null);
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO).toString()).build();
    }

    @GetMapping("/me")
    StaffView me(@RequestAttribute(ConsoleAuthFilter.STAFF) StaffAccounts.Staff me) {
        return StaffView.of(me);
    }

    record NewStaff(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 100) String name,
                    @NotNull StaffAccounts.Role role, @NotBlank @Size(max = 200) String password) {
    }

    @GetMapping("/staff")
    List<StaffView> staff(@RequestAttribute(ConsoleAuthFilter.STAFF) StaffAccounts.Staff me) {
        admin(me);
        return staff.all().stream().map(StaffView::of).toList();
    }

    @PostMapping(path = "/staff", consumes = "application/json")
    ResponseEntity<StaffView> createStaff(@RequestAttribute(ConsoleAuthFilter.STAFF) StaffAccounts.Staff me,
                                          @Valid @RequestBody NewStaff body) {
        admin(me);
        StaffSignIn.weakness(body.password()).ifPresent(w -> {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation_failed", "password " + w,
                    List.of(new com.shisha.web.api.ApiProblem.FieldProblem("password", "password " + w, "weak")));
        });
        StaffAccounts.Staff created;
        try {
            created = staff.create(body.email(), body.name(), body.role(), signIn.hash(body.password()));
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.CONFLICT, "conflict", e.getMessage());
        }
        audit.record(me.id(), me.email(), "staff.create", null, "staff " + created.id() + " " + created.role());
        return ResponseEntity.status(HttpStatus.CREATED).body(StaffView.of(created));
    }

    record Active(@NotNull Boolean active) {
    }

    @PostMapping(path = "/staff/{id}/active", consumes = "application/json")
    StaffView setActive(@RequestAttribute(ConsoleAuthFilter.STAFF) StaffAccounts.Staff me, @PathVariable long id,
                        @Valid @RequestBody Active body) {
        admin(me);
        if (id == me.id() && !body.active()) {
            throw new ApiException(HttpStatus.CONFLICT, "conflict", "you cannot switch off your own account");
        }
        StaffAccounts.Staff changed;
        try {
            changed = staff.setActive(id, body.active());
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.NOT_FOUND, "not_found", e.getMessage());
        }
        audit.record(me.id(), me.email(), body.active() ? "staff.activate" : "staff.deactivate", null, "staff " + id);
        return StaffView.of(changed);
    }

    record AuditView(long id, Instant at, Long staffId, String who, String action, Long partnerId, String detail) {
    }

    @GetMapping("/audit")
    List<AuditView> audit(@RequestAttribute(ConsoleAuthFilter.STAFF) StaffAccounts.Staff me,
                          @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        admin(me);
        return audit.recent(limit).stream()
                .map(e -> new AuditView(e.id(), e.at(), e.staffId(), e.who(), e.action(), e.partnerId(), e.detail())).toList();
    }

    record HandoffView(long id, String channel, String partner, String reason, String state, String note, Long agentId,
                       Instant openedAt, Instant claimedAt) {
        static HandoffView of(Handoffs.Handoff h) {
            return new HandoffView(h.id(), h.conversation().channel().name(), h.conversation().address(), h.reason().name(),
                    h.state().name(), h.note(), h.agentId(), h.openedAt(), h.claimedAt());
        }
    }

    @GetMapping("/handoffs")
    List<HandoffView> queue() {
        return handoffs.queue().stream().map(HandoffView::of).toList();
    }

    @PostMapping("/handoffs/{id}/claim")
    HandoffView claim(@RequestAttribute(ConsoleAuthFilter.STAFF) StaffAccounts.Staff me, @PathVariable long id) {
        Handoffs.Handoff claimed = change(() -> handoffs.claim(id, me.id()));
        audit.record(me.id(), me.email(), "handoff.claim", null, "handoff " + id);
        return HandoffView.of(claimed);
    }

    @PostMapping("/handoffs/{id}/hand-back")
    HandoffView handBack(@RequestAttribute(ConsoleAuthFilter.STAFF) StaffAccounts.Staff me, @PathVariable long id) {
        Handoffs.Handoff back = change(() -> handoffs.handBack(id, me.id()));
        audit.record(me.id(), me.email(), "handoff.hand_back", null, "handoff " + id);
        return HandoffView.of(back);
    }

    private static Handoffs.Handoff change(java.util.function.Supplier<Handoffs.Handoff> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.NOT_FOUND, "not_found", e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiException(HttpStatus.CONFLICT, "conflict", e.getMessage());
        }
    }

    private static void admin(StaffAccounts.Staff me) {
        if (me.role() != StaffAccounts.Role.ADMIN) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "only an admin may do this");
        }
    }

    private ResponseCookie cookie(String value, Duration maxAge) {
        return ResponseCookie.from(StaffSessions.COOKIE, value).httpOnly(true).secure(settings.secureCookie())
                .sameSite("Strict").path("/console").maxAge(maxAge).build();
    }
}
