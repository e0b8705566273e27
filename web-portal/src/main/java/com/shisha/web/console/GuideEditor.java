package com.shisha.web.console;

import com.shisha.core.coach.CoachGuide;
import com.shisha.core.console.GuideVersions;
import com.shisha.core.pipeline.Fanout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the coach's guide in step with the saved versions on every instance. A save re-indexes this instance before
 * it is answered, so the editor's next trial already sees it, then tells the others over the fan-out; because a
 * fan-out message can be lost (Redis restarting), every instance also compares revisions on a timer.
 */
public final class GuideEditor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GuideEditor.class);
    public static final String TOPIC = "shisha:coach-guide";

    /** What stopped a save, per field of the edit form. */
    public static final class Refused extends RuntimeException {
        private final transient List<CoachGuide.Problem> problems;

        Refused(List<CoachGuide.Problem> problems) {
            super(problems.get(0).field() + ": " + problems.get(0).message());
            this.problems = List.copyOf(problems);
        }

        public List<CoachGuide.Problem> problems() {
            return problems;
        }
    }

    private final CoachGuide guide;
    private final GuideVersions versions;
    private final Fanout fanout;
    private final int everySeconds;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "guide-sync");
        t.setDaemon(true);
        return t;
    });
    private volatile long applied = 0;
    private volatile Duration lastBuild = Duration.ZERO;

    /** @param everySeconds how often to compare revisions besides being told; 0 for only when told */
    public GuideEditor(CoachGuide guide, GuideVersions versions, Fanout fanout, int everySeconds) {
        this.everySeconds = everySeconds;
        this.guide = guide;
        this.versions = versions;
        this.fanout = fanout;
    }

    /** Listens for other instances' saves and brings this one up to date; the store being down only delays that. */
    public void start() {
        fanout.subscribe(TOPIC, message -> syncLater());
        try {
            sync();
        } catch (RuntimeException e) {
            log.warn("coach guide: staff edits not loaded yet, the shipped guide answers until the next check ({})", e.toString());
        }
        if (everySeconds > 0) {
            worker.scheduleWithFixedDelay(this::syncLater, everySeconds, everySeconds, TimeUnit.SECONDS);
        }
    }

    /** For the timer and the fan-out: never on their threads, a rebuild embeds text and takes a while. */
    public void syncLater() {
        worker.execute(() -> {
            try {
                sync();
            } catch (RuntimeException e) {
                log.warn("coach guide: check for staff edits failed, tried again on the next tick: {}", e.toString());
            }
        });
    }

    /** @return true when the guide was rebuilt */
    public synchronized boolean sync() {
        long revision = versions.revision(); // read before the versions: one saved in between is picked up next time
        if (revision == applied) {
            return false;
        }
        List<CoachGuide.Section> edited = new ArrayList<>();
        Set<String> retired = new HashSet<>();
        for (GuideVersions.Version v : versions.current()) {
            if (v.retired()) {
                retired.add(v.sectionId());
                continue;
            }
            List<CoachGuide.Problem> problems = guide.check(v.section());
            if (problems.isEmpty()) {
                edited.add(v.section());
            } else {
                // only possible when the rules tightened after it was saved: the section stays as it was before
                log.error("coach guide: version {} of section {} is not used: {}", v.number(), v.sectionId(), problems);
            }
        }
        lastBuild = guide.apply(edited, retired);
        applied = revision;
        return true;
    }

    /**
     * Keeps a new version of the section (null retires it), rebuilds this instance's index and tells the others.
     *
     * @throws Refused               when the section does not pass the guide's checks
     * @throws GuideVersions.Stale   when someone saved the section after {@code expected}
     */
    public GuideVersions.Version save(String sectionId, CoachGuide.Section section, int expected, long staffId, String note) {
        if (section != null) {
            List<CoachGuide.Problem> problems = guide.check(section);
            if (!problems.isEmpty()) {
                throw new Refused(problems);
            }
        } else if (guide.live().stream().noneMatch(s -> s.id().equals(sectionId))) {
            throw new Refused(List.of(new CoachGuide.Problem("id", "No section " + sectionId + " is in use.")));
        } else if (guide.live().size() == 1) {
            throw new Refused(List.of(new CoachGuide.Problem("id", "The last section of the guide cannot be retired.")));
        }
        GuideVersions.Version saved = versions.save(sectionId, section, expected, staffId, note);
        try {
            sync();
        } catch (RuntimeException e) {
            log.error("coach guide: version {} of {} is saved but this instance did not re-index: {}", saved.number(),
                    sectionId, e.toString());
        }
        try {
            fanout.publish(TOPIC, Long.toString(saved.id()));
        } catch (RuntimeException e) {
            log.warn("coach guide: other instances not told of version {} of {} now, they find it on their next check: {}",
                    saved.number(), sectionId, e.toString());
        }
        return saved;
    }

    public long appliedRevision() {
        return applied;
    }

    public Duration lastBuild() {
        return lastBuild;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
