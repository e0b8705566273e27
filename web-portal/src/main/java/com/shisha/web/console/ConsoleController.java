package com.shisha.web.console;

import com.shisha.core.console.AuditLog;
import com.shisha.core.console.ConsoleConversations;
import com.shisha.core.pipeline.OutboxDispatcher;
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

import java.time.Clock;
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
    private final ConsoleConversations conversations;
    private final com.shisha.core.console.OperationsFigures figures;
    private final com.shisha.core.console.Broadcasts broadcasts;
    private final com.shisha.core.console.LeadImports leadImports;
    private final LeadImporter importer;
    private final OutboxDispatcher dispatcher;
    private final ConsoleSettings settings;
    private final Clock clock;

    ConsoleController(StaffSignIn signIn, StaffSessions sessions, StaffAccounts staff, AuditLog audit, Handoffs handoffs,
                      ConsoleConversations conversations, com.shisha.core.console.OperationsFigures figures,
                      com.shisha.core.console.Broadcasts broadcasts, com.shisha.core.console.LeadImports leadImports,
                      LeadImporter importer, OutboxDispatcher dispatcher, ConsoleSettings settings) {
        this.figures = figures;
        this.leadImports = leadImports;
        this.importer = importer;
        this.broadcasts = broadcasts;
        this.signIn = signIn;
        this.sessions = sessions;
        this.staff = staff;
        this.audit = audit;
        this.handoffs = handoffs;
        this.conversations = conversations;
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.clock = Clock.systemUTC();
    }

    /** WhatsApp delivers free text only this long after the partner's last message; after that, templates only. */
    static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);

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
        com.shisha.web.api.VersionedJwt.Issued issued = sessions.issue(member);
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

    record Overview(com.shisha.core.console.OperationsFigures.Snapshot now,
                    List<com.shisha.core.console.OperationsFigures.Slice> timeline) {
    }

    /** The few numbers staff watch, and the last six hours in quarter-hours. */
    @GetMapping("/overview")
    Overview overview() {
        return new Overview(figures.now(), figures.timeline(Duration.ofHours(6), Duration.ofMinutes(15)));
    }

    /** A segment as the console sends it; empty fields do not filter. */
    record SegmentBody(@Size(max = 100) String city,
                       @jakarta.validation.constraints.Pattern(regexp = "LOANS|CREDIT_CARDS|INSURANCE|SAVINGS_ACCOUNTS|DEMAT|") String product,
                       @jakarta.validation.constraints.Pattern(regexp = "en|hi|") String language,
                       @Min(0) @Max(100) Integer minSkill, @Min(0) @Max(100) Integer maxSkill,
                       @Min(1) @Max(365) Integer activeWithinDays, @Min(1) @Max(365) Integer inactiveForDays) {
        com.shisha.core.console.Broadcasts.Segment segment() {
            return new com.shisha.core.console.Broadcasts.Segment(city, product, language, minSkill, maxSkill, activeWithinDays,
                    inactiveForDays);
        }
    }

    record NewBroadcast(@NotBlank @Size(max = 100) String name,
                        @NotBlank @jakarta.validation.constraints.Pattern(regexp = "HX[0-9a-fA-F]{32}") String templateSid,
                        @NotBlank @Size(max = 1024) String body, @Valid @NotNull SegmentBody segment) {
    }

    record BroadcastView(com.shisha.core.console.Broadcasts.Broadcast broadcast, com.shisha.core.console.Broadcasts.Progress progress) {
    }

    @GetMapping("/broadcasts")
    List<com.shisha.core.console.Broadcasts.Broadcast> broadcasts() {
        return broadcasts.all();
    }

    record Count(long partners) {
    }

    @PostMapping(path = "/broadcasts/count", consumes = "application/json")
    Count count(@Valid @RequestBody SegmentBody body) {
        return new Count(broadcasts.count(body.segment()));
    }

    @PostMapping(path = "/broadcasts", consumes = "application/json")
    ResponseEntity<BroadcastView> createBroadcast(@RequestAttribute(ConsoleAuthFilter.STAFF) StaffAccounts.Staff me,
                                                  @Valid @RequestBody NewBroadcast body) {
        admin(me);
        com.shisha.core.console.Broadcasts.Broadcast b;
        try {
            b = broadcasts.create(body.name(), body.templateSid(), body.body(), body.segment().segment(), me.id());
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation_failed", e.getMessage());
        }
        audit.record(me.id(), me.email(), "broadcast.create", null, "broadcast " + b.id() + " template " + b.templateSid());
        return ResponseEntity.status(HttpStatus.CREATED).body(new BroadcastView(b, broadcasts.progress(b.id())));
    }

    @GetMapping("/broadcasts/{id}")
    BroadcastView broadcast(@PathVariable long id) {
        return new BroadcastView(broadcasts.find(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "not_found", "no broadcast " + id)),
                broadcasts.progress(id));
    }

    @PostMapping("/broadcasts/{id}/start")
    BroadcastView startBroadcast(@RequestAttribute(ConsoleAuthFilter.STAFF) StaffAccounts.Staff me, @PathVariable long id) {
        admin(me);
        com.shisha.core.console.Broadcasts.Broadcast b = broadcastChange(() -> broadcasts.start(id));
        com.shisha.core.console.Broadcasts.Progress p = broadcasts.progress(id);
        audit.record(me.id(), me.email(), "broadcast.start", null, "broadcast " + id + " to " + p.recipients() + " partners");
        return new BroadcastView(b, p);
    }

    @PostMapping("/broadcasts/{id}/cancel")
    BroadcastView cancelBroadcast(@RequestAttribute(ConsoleAuthFilter.STAFF) StaffAccounts.Staff me, @PathVariable long id) {
        admin(me);
        com.shisha.core.console.Broadcasts.Broadcast b = broadcastChange(() -> broadcasts.cancel(id));
        audit.record(me.id(), me.email(), "broadcast.cancel", null, "broadcast " + id);
        return new BroadcastView(b, broadcasts.progress(id));
    }

    private static com.shisha.core.console.Broadcasts.Broadcast broadcastChange(
            java.util.function.Supplier<com.shisha.core.console.Broadcasts.Broadcast> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.NOT_FOUND, "not_found", e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiException(HttpStatus.CONFLICT, "conflict", e.getMessage());
        }
    }

    /** A CSV of leads (UTF-8, a header row; LeadImports.COLUMNS), answered at once; the import runs on and is followed by its id. */
    @PostMapping(path = "/lead-imports", consumes = "multipart/form-data")
    ResponseEntity<com.shisha.core.console.LeadImports.Import> importLeads(
            @RequestAttribute(ConsoleAuthFilter.STAFF) StaffAccounts.Staff me,
            @org.springframework.web.bind.annotation.RequestPart("file") org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        String csv = LeadImporter.text(file.getBytes());
        String problem = LeadImporter.headerProblem(csv);
        if (problem != null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "bad_file", problem);
        }
        com.shisha.core.console.LeadImports.Import begun = importer.start(file.getOriginalFilename(), me.id(), csv);
        audit.record(me.id(), me.email(), "leads.import", null, "import " + begun.id() + ", " + begun.totalRows() + " rows");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(begun);
    }

    @GetMapping("/lead-imports")
    List<com.shisha.core.console.LeadImports.Import> leadImports() {
        return leadImports.recent(20);
    }

    @GetMapping("/lead-imports/{id}")
    com.shisha.core.console.LeadImports.Import leadImport(@PathVariable long id) {
        return leadImports.find(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "not_found", "no import " + id));
    }

    /** The rows an import refused, as a CSV to fix and upload again. */
    @GetMapping(path = "/lead-imports/{id}/refused.csv", produces = "text/csv")
    ResponseEntity<String> refused(@PathVariable long id) {
        leadImport(id);
        StringBuilder csv = new StringBuilder("line,external_id,reason\r\n");
        for (var r : leadImports.refusals(id)) {
            csv.append(r.line()).append(',').append(csvField(r.externalId())).append(',').append(csvField(r.reason())).append("\r\n");
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + "-refused.csv\"")
                .contentType(new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(csv.toString());
    }

    /** Quoted as RFC 4180 asks, and with a leading quote mark where a spreadsheet would run it as a formula. */
    static String csvField(String value) {
        if (value == null) {
            return "";
        }
        String v = value.matches("^[=+\\-@].*") ? "'" + value : value;
        return "\"" + v.replace("\"", "\"\"") + "\"";
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

    /** @param partner the number masked: the queue is seen by every agent, the full number only where they answer */
    record HandoffView(long id, String channel, String partner, String reason, String state, String note, Long agentId,
                       Instant openedAt, Instant claimedAt) {
        static HandoffView of(Handoffs.Handoff h) {
            return new HandoffView(h.id(), h.conversation().channel().name(), com.shisha.core.PhoneMask.mask(h.conversation().address()),
                    h.reason().name(), h.state().name(), h.note(), h.agentId(), h.openedAt(), h.claimedAt());
        }
    }

    @GetMapping("/handoffs")
    List<HandoffView> queue() {
        return handoffs.queue().stream().map(HandoffView::of).toList();
    }

    record LineView(String from, String text, Instant at, String status, Long agentId) {
    }

    record ProfileView(Long partnerId, String name, String language, String city, List<String> products,
                       Instant lastInbound, boolean optedOut, boolean textAllowed) {
    }

    record HandoffDetail(HandoffView handoff, ProfileView partner, List<LineView> transcript) {
    }

    @GetMapping("/handoffs/{id}")
    HandoffDetail handoff(@RequestAttribute(ConsoleAuthFilter.STAFF) StaffAccounts.Staff me, @PathVariable long id,
                          @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        Handoffs.Handoff h = handoffs.find(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "not_found", "no handoff " + id));
        ConsoleConversations.Profile p = conversations.profile(h.conversation());
        audit.record(me.id(), me.email(), "handoff.view", p.partnerId(), "handoff " + id);
        List<LineView> lines = conversations.transcript(h.conversation(), limit).stream()
                .map(l -> new LineView(l.inbound() ? "partner" : l.agentId() != null ? "agent" : "bot", l.text(), l.at(), l.status(), l.agentId()))
                .toList();
        return new HandoffDetail(HandoffView.of(h), new ProfileView(p.partnerId(), p.name(), p.language().code(), p.city(),
                p.products(), p.lastInbound(), p.optedOut(), textAllowed(h, p)), lines);
    }

    private boolean textAllowed(Handoffs.Handoff h, ConsoleConversations.Profile p) {
        return h.conversation().channel() != com.shisha.core.Channel.WHATSAPP
                || p.lastInbound() != null && p.lastInbound().isAfter(clock.instant().minus(WHATSAPP_WINDOW));
    }

    @PostMapping("/handoffs/{id}/claim")
    HandoffView claim(@RequestAttribute(ConsoleAuthFilter.STAFF) StaffAccounts.Staff me, @PathVariable long id) {
        Handoffs.Handoff claimed = change(() -> handoffs.claim(id, me.id()));
        audit.record(me.id(), me.email(), "handoff.claim", conversations.profile(claimed.conversation()).partnerId(), "handoff " + id);
        return HandoffView.of(claimed);
    }

    /** Back to the bot, and the partner is told so in their language. */
    @PostMapping("/handoffs/{id}/hand-back")
    HandoffView handBack(@RequestAttribute(ConsoleAuthFilter.STAFF) StaffAccounts.Staff me, @PathVariable long id) {
        Handoffs.Handoff back = change(() -> handoffs.handBack(id, me.id()));
        ConsoleConversations.Profile p = conversations.profile(back.conversation());
        long notice = conversations.notice(back.conversation(), ConsoleTexts.handedBack(p.language()));
        dispatcher.submit(back.conversation(), List.of(notice));
        audit.record(me.id(), me.email(), "handoff.hand_back", p.partnerId(), "handoff " + id);
        return HandoffView.of(back);
    }

    /**
     * @param clientId  the console's id for this message (a retried send carries the same and queues nothing twice)
     * @param template  an approved WhatsApp template (Content SID), needed 24 hours after the partner's last message
     */
    record AgentMessage(@NotBlank @Size(max = 1600) String text, @NotBlank @Size(min = 8, max = 64) String clientId,
                        @Size(max = 34) String template, java.util.Map<String, String> variables) {
    }

    record QueuedView(long outboundId, boolean duplicate) {
    }

    @PostMapping(path = "/handoffs/{id}/messages", consumes = "application/json")
    ResponseEntity<QueuedView> reply(@RequestAttribute(ConsoleAuthFilter.STAFF) StaffAccounts.Staff me, @PathVariable long id,
                                     @Valid @RequestBody AgentMessage body) {
        Handoffs.Handoff h = handoffs.find(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "not_found", "no handoff " + id));
        if (h.state() != Handoffs.State.WITH_AGENT || (!Long.valueOf(me.id()).equals(h.agentId()) && me.role() != StaffAccounts.Role.ADMIN)) {
            throw new ApiException(HttpStatus.CONFLICT, "conflict", h.state() == Handoffs.State.RETURNED
                    ? "this conversation was handed back to the bot" : "take the conversation first: only the agent who has it replies");
        }
        if (!body.clientId().matches("[A-Za-z0-9_-]+")) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation_failed", "clientId: letters, digits, - and _ only");
        }
        ConsoleConversations.Profile p = conversations.profile(h.conversation());
        if (body.template() == null && !textAllowed(h, p)) {
            throw new ApiException(HttpStatus.CONFLICT, "outside_window", "WhatsApp takes free text only within 24 hours of the "
                    + "partner's last message: send an approved template instead");
        }
        ConsoleConversations.Queued queued;
        try {
            queued = conversations.reply(id, me.id(), h.conversation(), body.clientId(), body.text(), body.template(),
                    body.variables() == null ? java.util.Map.of() : body.variables());
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation_failed", e.getMessage());
        }
        if (queued.fresh()) {
            dispatcher.submit(h.conversation(), List.of(queued.outboundId()));
            audit.record(me.id(), me.email(), "handoff.reply", p.partnerId(), "handoff " + id + ", outbound " + queued.outboundId()
                    + (body.template() == null ? "" : ", template " + body.template()));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new QueuedView(queued.outboundId(), !queued.fresh()));
    }

    record TakeOver(@NotBlank @Size(max = 32) String phone) {
    }

    /** An agent takes a partner's conversation from the bot without being asked (the partner is quiet for the bot from now). */
    @PostMapping(path = "/takeovers", consumes = "application/json")
    ResponseEntity<HandoffView> takeOver(@RequestAttribute(ConsoleAuthFilter.STAFF) StaffAccounts.Staff me,
                                         @Valid @RequestBody TakeOver body) {
        String phone = com.shisha.core.IndianMobile.normalise(body.phone());
        if (phone == null || !phone.matches("\\+[1-9][0-9]{7,14}")) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation_failed", "phone must be a mobile number, e.g. +919812345678");
        }
        com.shisha.core.ConversationKey key = conversations.conversationOfPartner(phone)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "not_found", "no conversation with that number"));
        Handoffs.Handoff h = handoffs.request(key, Handoffs.Reason.AGENT_TOOK_OVER, "taken over from the console");
        Handoffs.Handoff claimed = change(() -> handoffs.claim(h.id(), me.id()));
        audit.record(me.id(), me.email(), "handoff.take_over", conversations.profile(key).partnerId(), "handoff " + h.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(HandoffView.of(claimed));
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
