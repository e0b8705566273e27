package com.shisha.core.console;

import com.shisha.core.coach.CoachGuide;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Staff edits of the coach's guide. Every change of a section is a new version, numbered 1, 2 … per section and
 * never rewritten; the highest number is what the coach uses. A section without versions is as shipped.
 */
public interface GuideVersions {

    /**
     * @param section the content kept; null when this version retires the section
     * @param staffId null for versions whose author was since removed
     */
    record Version(long id, String sectionId, int number, CoachGuide.Section section, Long staffId, String staffName,
                   String note, Instant at) {

        public boolean retired() {
            return section == null;
        }
    }

    /** Someone else saved a version of the section after the one the editor started from. */
    final class Stale extends RuntimeException {
        private final int latest;

        public Stale(String sectionId, int expected, int latest) {
            super("section " + sectionId + " is at version " + latest + " now, not " + expected + ": reload it and edit again");
            this.latest = latest;
        }

        public int latest() {
            return latest;
        }
    }

    /**
     * @param expected the version the editor started from, 0 for "no version yet"
     * @throws Stale when the section's latest version is not {@code expected}
     */
    Version save(String sectionId, CoachGuide.Section section, int expected, long staffId, String note);

    /** The latest version of every section that has one. */
    List<Version> current();

    /** A section's versions, newest first. */
    List<Version> history(String sectionId);

    Optional<Version> find(String sectionId, int number);

    /** Grows with every save: an instance whose guide was built at a lower revision is behind. */
    long revision();
}
