package com.shisha.ai.leads.sim;

import com.shisha.core.journey.Lead;
import com.shisha.core.journey.PartnerContext;

import java.time.Instant;

/**
 * One synthetic contact: a partner, as the bot would see them, called a lead at {@code at}, and the lead converted
 * or not.
 *
 * @param trueProbability the hidden chance the outcome was drawn from; for measuring how far a scorer is from the
 *                        best possible ranking, never a feature
 */
public record Contact(PartnerContext partner, Lead lead, Instant at, boolean converted, double trueProbability) {
}
