package com.shisha.core.journey;

/** Chooses a partner's next best action, the same way for WhatsApp's PROGRESS and for the app's dashboard. */
public interface NextBestActions {

    NextBestAction next(PartnerContext partner, Progress progress);
}
