package com.shisha.dialogs;

import com.shisha.core.Channel;
import com.shisha.core.journey.NextBestAction;
import com.shisha.core.journey.NextBestActions;
import com.shisha.core.journey.PartnerContext;
import com.shisha.core.journey.Progress;

import java.util.Map;

/**
 * The dialogs' choice of the next best action for callers outside a conversation (the companion app), so the
 * app and WhatsApp's PROGRESS never disagree. Reading only: recording the choice stays with the turns.
 */
public final class CatalogueNextBestActions implements NextBestActions {

    private final JourneyServices services;
    private final Catalogue catalogue;

    public CatalogueNextBestActions(JourneyServices services, Catalogue catalogue) {
        this.services = services;
        this.catalogue = catalogue;
    }

    @Override
    public NextBestAction next(PartnerContext partner, Progress progress) {
        Turn turn = new Turn("", partner.phone(), Channel.WHATSAPP, services, Map.of(), partner.language(), catalogue);
        return com.shisha.dialogs.progress.ProgressDialog.choose(turn, partner, progress);
    }
}
