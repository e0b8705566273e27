package com.shisha.web.console;

import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.coach.CoachGuide;
import com.shisha.core.console.AuditLog;
import com.shisha.core.console.GuideVersions;
import com.shisha.core.console.StaffAccounts;
import com.shisha.core.journey.Skill;
import com.shisha.web.api.ApiException;
import com.shisha.web.api.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The coach's guide in the console: every section in English and Hindi as the coach uses it now, its versions,
 * edits (admins), and a trial of a question against what is live (all staff).
 */
@RestController
@Validated
@RequestMapping(path = "/console/api/guide", produces = "application/json")
class ConsoleGuideController {

    private final CoachGuide guide;
    private final GuideVersions versions;
    private final GuideEditor editor;
    private final AuditLog audit;

    ConsoleGuideController(CoachGuide guide, GuideVersions versions, GuideEditor editor, AuditLog audit) {
        this.guide = guide;
        this.versions = versions;
        this.editor = editor;
        this.audit = audit;
    }

    /**
     * @param version 0 while the section is as shipped
     * @param shipped whether the jar has the section (a section added in the console has not)
     */
    record SectionRow(String id, String titleEnglish, String titleHindi, Set<Product> products, Set<Skill> skills,
                      int version, boolean retired, boolean shipped, String editedBy, Instant editedAt) {
    }

    /** @param appliedRevision the revision this instance answers from; behind {@code revision} while it re-indexes */
    record Overview(long revision, long appliedRevision, long lastBuildMillis, List<SectionRow> sections) {
    }

    @GetMapping
    Overview sections() {
        Map<String, GuideVersions.Version> latest = new LinkedHashMap<>();
        versions.current().forEach(v -> latest.put(v.sectionId(), v));
        Set<String> shippedIds = new java.util.HashSet<>();
        guide.shipped().forEach(s -> shippedIds.add(s.id()));
        List<SectionRow> rows = new ArrayList<>();
        Set<String> listed = new java.util.HashSet<>();
        for (CoachGuide.Section s : guide.live()) {
            rows.add(row(s, latest.get(s.id()), shippedIds.contains(s.id())));
            listed.add(s.id());
        }
        for (GuideVersions.Version v : latest.values()) {
            if (!listed.contains(v.sectionId())) {
                // retired, or saved a moment ago and not indexed here yet: shown with the text it last had
                rows.add(row(lastText(v.sectionId()).orElseThrow(), v, shippedIds.contains(v.sectionId())));
            }
        }
        return new Overview(versions.revision(), editor.appliedRevision(), editor.lastBuild().toMillis(), rows);
    }

    /** The newest text the section has had: its latest version with one, else the shipped text. */
    private Optional<CoachGuide.Section> lastText(String id) {
        return versions.history(id).stream().map(GuideVersions.Version::section).filter(java.util.Objects::nonNull).findFirst()
                .or(() -> guide.shipped().stream().filter(s -> s.id().equals(id)).findFirst());
    }

    private static SectionRow row(CoachGuide.Section s, GuideVersions.Version v, boolean shipped) {
        return new SectionRow(s.id(), s.english().title(), s.hindi().title(), s.products(), s.skills(),
                v == null ? 0 : v.number(), v != null && v.retired(), shipped, v == null ? null : v.staffName(),
                v == null ? null : v.at());
    }

    record VersionRow(int number, boolean retired, String by, String note, Instant at) {
    }

    /**
     * @param section what the coach uses now; for a retired section, its last content
     * @param shipped the jar's version, null for a section added in the console
     */
    record SectionDetail(String id, int version, boolean retired, CoachGuide.Section section, CoachGuide.Section shipped,
                         List<VersionRow> history) {
    }

    @GetMapping("/sections/{id}")
    SectionDetail section(@PathVariable String id) {
        List<GuideVersions.Version> history = versions.history(id);
        Optional<CoachGuide.Section> shipped = guide.shipped().stream().filter(s -> s.id().equals(id)).findFirst();
        if (history.isEmpty() && shipped.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "not_found", "the guide has no section " + id);
        }
        GuideVersions.Version latest = history.isEmpty() ? null : history.get(0);
        CoachGuide.Section content = lastText(id).orElseThrow();
        return new SectionDetail(id, latest == null ? 0 : latest.number(), latest != null && latest.retired(), content,
                shipped.orElse(null), history.stream().map(v -> new VersionRow(v.number(), v.retired(), v.staffName(), v.note(), v.at())).toList());
    }

    @GetMapping("/sections/{id}/versions/{number}")
    CoachGuide.Section version(@PathVariable String id, @PathVariable @Min(0) int number) {
        if (number == 0) {
            return guide.shipped().stream().filter(s -> s.id().equals(id)).findFirst()
                    .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "not_found", "section " + id + " was not shipped"));
        }
        GuideVersions.Version v = versions.find(id, number)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "not_found", "section " + id + " has no version " + number));
        if (v.retired()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "not_found", "version " + number + " of " + id + " retired the section: it has no text");
        }
        return v.section();
    }

    record TextInput(@NotNull @Size(max = 200) String title, @NotNull @Size(max = 10_000) String body) {
    }

    /** @param expectedVersion the version the editor opened (0: as shipped, or a new section) */
    record Edit(@NotNull @Min(0) Integer expectedVersion, @NotNull @Size(max = 5) Set<Product> products,
                @NotNull @Size(max = 9) Set<Skill> skills, @NotNull @Valid TextInput english, @NotNull @Valid TextInput hindi,
                @Size(max = 500) List<@NotNull @Size(max = 1000) String> questions, @Size(max = 300) String note) {
    }

    @PutMapping(path = "/sections/{id}", consumes = "application/json")
    SectionDetail save(@RequestAttribute(ConsoleAuthFilter.STAFF) StaffAccounts.Staff me,
                       @PathVariable @Size(max = 100) String id, @Valid @RequestBody Edit edit) {
        admin(me);
        List<String> questions = edit.questions() == null ? List.of()
                : edit.questions().stream().map(String::strip).filter(q -> !q.isEmpty()).toList();
        CoachGuide.Section section = new CoachGuide.Section(id, edit.products(), edit.skills(),
                new CoachGuide.Text(edit.english().title().strip(), edit.english().body().strip()),
                new CoachGuide.Text(edit.hindi().title().strip(), edit.hindi().body().strip()), questions);
        keep(me, id, section, edit.expectedVersion(), edit.note(), "guide.edit");
        return section(id);
    }

    record Change(@NotNull @Min(0) Integer expectedVersion, @Size(max = 300) String note) {
    }

    @PostMapping(path = "/sections/{id}/retire", consumes = "application/json")
    SectionDetail retire(@RequestAttribute(ConsoleAuthFilter.STAFF) StaffAccounts.Staff me, @PathVariable String id,
                         @Valid @RequestBody Change change) {
        admin(me);
        keep(me, id, null, change.expectedVersion(), change.note(), "guide.retire");
        return section(id);
    }

    /** Puts an earlier version's text (0: the shipped text) back as the newest version. */
    @PostMapping(path = "/sections/{id}/versions/{number}/restore", consumes = "application/json")
    SectionDetail restore(@RequestAttribute(ConsoleAuthFilter.STAFF) StaffAccounts.Staff me, @PathVariable String id,
                          @PathVariable @Min(0) int number, @Valid @RequestBody Change change) {
        admin(me);
        CoachGuide.Section earlier = version(id, number);
        String note = change.note() != null && !change.note().isBlank() ? change.note()
                : number == 0 ? "restored the shipped text" : "restored version " + number;
        keep(me, id, earlier, change.expectedVersion(), note, "guide.restore");
        return section(id);
    }

    private void keep(StaffAccounts.Staff me, String id, CoachGuide.Section section, int expected, String note, String action) {
        GuideVersions.Version saved;
        try {
            saved = editor.save(id, section, expected, me.id(), note == null || note.isBlank() ? null : note.strip());
        } catch (GuideEditor.Refused e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation_failed", e.getMessage(),
                    e.problems().stream().map(p -> new ApiProblem.FieldProblem(p.field(), p.message())).toList());
        } catch (GuideVersions.Stale e) {
            throw new ApiException(HttpStatus.CONFLICT, "stale_version", e.getMessage());
        }
        audit.record(me.id(), me.email(), action, null, "section " + id + " version " + saved.number());
    }

    record TrialInput(@NotBlank @Size(max = 1000) String question,
                      @Pattern(regexp = "en|hi", message = "must be en or hi") String language) {
    }

    @PostMapping(path = "/trial", consumes = "application/json")
    CoachGuide.Trial trial(@Valid @RequestBody TrialInput input) {
        return guide.trial(input.question(), "hi".equals(input.language()) ? Language.HI : Language.EN);
    }

    private static void admin(StaffAccounts.Staff me) {
        if (me.role() != StaffAccounts.Role.ADMIN) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "only an admin may change the coach's guide");
        }
    }
}
