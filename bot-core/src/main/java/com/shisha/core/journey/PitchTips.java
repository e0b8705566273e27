package com.shisha.core.journey;

import com.shisha.core.Language;

import java.util.Optional;

/** A short opening line for a lead, grounded in the knowledge base. */
public interface PitchTips {

    Optional<PitchTip> tip(Lead lead, PartnerContext partner, Language language);

    /** @param source the knowledge-base section the tip rests on */
    record PitchTip(String text, String source) {
    }
}
