package com.shisha.core.call;

import com.shisha.core.Language;
import com.shisha.core.Product;

import java.util.Optional;

/** What a customer just said on a live call (an objection, a question, a buying signal), with a tip for the partner. */
public interface CallCues {

    /**
     * @param tip    one short line the partner can use now, in the partner's language
     * @param source the coach guide's section it comes from, by title; null when it comes from none
     */
    record Cue(LeadCalls.TipKind kind, String tip, String source) {
    }

    /**
     * @param said     the customer's sentence as heard (any of English, Hindi, Hinglish)
     * @param language the partner's language, for the tip
     * @param product  what the lead is about; the tip prefers it
     * @return empty for small talk and anything not worth a tip
     */
    Optional<Cue> spot(String said, Language language, Product product);
}
