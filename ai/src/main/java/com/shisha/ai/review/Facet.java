package com.shisha.ai.review;

import com.shisha.core.Language;
import com.shisha.core.coach.CallReviews.Rubric;

/**
 * One kind of evidence a rubric item looks for, what it is worth, where in the call it counts, and the tip a
 * partner gets when it is missing.
 */
record Facet(Rubric item, String name, int weight, Where where, Cues cues, String tipEn, String tipHi) {

    /** Where a cue counts as evidence; the customer's words never count for the partner. */
    enum Where {
        /** the partner's first sentences: an introduction in minute five is not an opening */
        START,
        /** a partner sentence that asks something (a question mark or a question word) */
        QUESTION,
        /**
         * a partner sentence that states something: not a question, unless it names an amount ("the fee is 499,
         * ok?"). A customer asking "fees kitni hai" has not been told the fee.
         */
        STATED,
        /** a partner sentence that names an amount: a rate without its figure discloses nothing */
        AMOUNT,
        /** any partner sentence */
        ANYWHERE,
        /** a partner sentence in the second half of the call: thanks at the start is not a close */
        END
    }

    String tip(Language language) {
        return language == Language.HI ? tipHi : tipEn;
    }
}
