package com.shisha.core.coach;

import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.journey.Skill;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The guide the coach answers from, as staff see and change it: the shipped sections, the live ones (shipped with
 * staff edits over them), a check of an edit before it is kept, a rebuild of the search index while the coach
 * keeps answering from the previous one, and a trial of a question against what is live.
 */
public interface CoachGuide {

    /** A section's id: a topic, a dot, a name ("loans.personal-basics"). */
    String ID_PATTERN = "[a-z][a-z0-9-]*\\.[a-z0-9][a-z0-9-]*";

    /**
     * One section in both languages.
     *
     * @param questions what partners ask that it answers, in any script, one per entry: for the search only, never shown
     */
    record Section(String id, Set<Product> products, Set<Skill> skills, Text english, Text hindi, List<String> questions) {
        public Section {
            Objects.requireNonNull(id, "id");
            products = Set.copyOf(products);
            skills = Set.copyOf(skills);
            questions = List.copyOf(questions);
        }

        public Text text(Language language) {
            return language == Language.HI ? hindi : english;
        }
    }

    /** @param body an intro paragraph, then one "- " line per point */
    record Text(String title, String body) {
    }

    /** @param field where the problem is, as the edit form names it ("english.body", "skills", "id" ...) */
    record Problem(String field, String message) {
    }

    record Hit(String id, String title, double score) {
    }

    enum Outcome {
        /** Sections were near enough: {@code answer} is what a partner gets when no model answers. */
        ANSWERED,
        /** Nothing near enough: the partner is told so and offered a person. */
        NO_PASSAGE,
        /** Refused or escalated before any search (an injection, a fraud report, a request outside the coach's remit). */
        GUARDRAIL
    }

    /**
     * What the coach would do with a question now.
     *
     * @param hits      the nearest sections, best first, also when none is near enough
     * @param threshold the score the best hit needs to be used
     * @param reason    for a guardrail, which one; otherwise null
     */
    record Trial(Outcome outcome, String reason, List<Hit> hits, double threshold, String answer,
                 List<CoachReply.Source> sources, Language language) {
    }

    /** The sections as the service was built with them, in file order. */
    List<Section> shipped();

    /** The sections the coach answers from now. */
    List<Section> live();

    /** Everything wrong with the section as it would be kept; empty when it may be kept. */
    List<Problem> check(Section section);

    /**
     * Rebuilds the search over the shipped guide with {@code edited} sections in place of (or besides) the shipped
     * ones and {@code retired} ids left out; the coach answers from the old index until the new one is built.
     *
     * @return how long the rebuild took
     * @throws IllegalArgumentException when a section does not pass {@link #check}
     */
    Duration apply(List<Section> edited, Set<String> retired);

    /** Runs the question through the live search without storing anything or escalating it. */
    Trial trial(String question, Language language);
}
