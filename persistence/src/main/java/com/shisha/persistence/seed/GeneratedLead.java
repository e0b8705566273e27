package com.shisha.persistence.seed;

import com.shisha.core.Product;
import com.shisha.core.journey.Lead;

import java.time.Instant;

/**
 * A lead as {@link LeadGenerator} makes it, before the database gives it an id. Personal data (made up, but
 * shaped like the real thing): never log name or phone.
 *
 * @param source a source code of {@code seed/people.json} (gromo_app, walk_in, ...); its labels are in that file
 */
public record GeneratedLead(String name, String phone, char gender, int age, String city, String cityHi, String state,
                            int cityTier, Product product, Lead.IncomeBand income, Lead.CreditBand credit,
                            String source, String noteEn, String noteHi, Instant createdAt) {

    @Override
    public String toString() {
        return "GeneratedLead[" + product + ", " + city + "]";
    }
}
