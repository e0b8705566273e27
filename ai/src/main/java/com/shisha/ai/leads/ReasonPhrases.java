package com.shisha.ai.leads;

import com.shisha.core.Product;
import com.shisha.core.journey.Lead;
import com.shisha.core.journey.PartnerContext;
import com.shisha.core.journey.Skill;

import java.time.Instant;

/**
 * A factor in a few plain English words for a partner's "why this lead" line, e.g. "same city", "3 days old",
 * "poor credit, hard to approve". {@code helps} says whether the factor lifted this lead above the average lead or
 * pulled it below, so the same fact can read as a plus or as a warning.
 */
final class ReasonPhrases {

    private ReasonPhrases() {
    }

    static String phrase(Factor factor, boolean helps, PartnerContext partner, Lead lead, Instant now) {
        Product product = lead.product();
        String label = label(product);
        return switch (factor) {
            case PRODUCT -> helps ? label + " leads convert often" : label + " leads convert less often";
            case SELLS -> helps ? "you sell " + label : "you don't sell " + label + " yet";
            case SKILL -> skill(partner.skills().get(Skill.of(product)), label, helps);
            case CLOSING -> skill(partner.skills().get(Skill.CLOSING), "closing", helps);
            case CREDIT -> switch (lead.credit()) {
                case POOR -> "poor credit, hard to approve";
                case NEW -> helps ? "new to credit" : "new to credit, harder to approve";
                case FAIR -> "fair credit";
                case GOOD -> "good credit";
                case EXCELLENT -> "excellent credit";
            };
            case INCOME -> {
                String band = lead.income().name().toLowerCase().replace("mid", "middle") + " income";
                yield helps ? band + " suits " + label : band + ", a weak fit for " + label;
            }
            case FRESHNESS -> {
                long days = (long) LeadFeatures.ageDays(lead, now);
                String age = days == 0 ? "new today" : days == 1 ? "1 day old" : days + " days old";
                yield helps ? age : age + ", going cold";
            }
            case CITY -> LeadFeatures.sameCity(partner, lead) ? "same city" : "other city";
            case SOURCE -> {
                String from = "from " + source(lead.source());
                yield helps ? from : from + ", often cold";
            }
            case HISTORY -> {
                PartnerContext.Outcomes o = partner.outcomes().get(product);
                long sold = o == null ? 0 : Math.max(0, o.sold());
                long contacted = o == null ? 0 : Math.max(sold, o.contacted());
                yield contacted == 0 ? "no " + label + " leads worked yet"
                        : "you sold " + sold + " of " + contacted + " " + label + " leads";
            }
            case AGE -> helps ? "age " + lead.age() + " suits " + label : "age " + lead.age() + ", a weaker fit for " + label;
        };
    }

    private static String skill(Integer score, String label, boolean helps) {
        if (score == null) {
            return label + " skill not assessed yet";
        }
        int bounded = Math.max(0, Math.min(100, score));
        return helps ? "your " + label + " skill " + bounded : "your " + label + " skill is only " + bounded;
    }

    private static String source(String code) {
        LeadFeature f = LeadFeatures.sourceFeature(code);
        if (f == null) {
            return "an unknown source";
        }
        return switch (f) {
            case SOURCE_GROMO_APP -> "the GroMo app";
            case SOURCE_CUSTOMER_REFERRAL -> "a customer referral";
            case SOURCE_WALK_IN -> "a walk-in at your shop";
            case SOURCE_SOCIAL_AD -> "a social media ad";
            case SOURCE_MISSED_CALL -> "a missed-call campaign";
            case SOURCE_COMMUNITY_CAMP -> "a community camp";
            case SOURCE_OWN_CONTACT -> "your own contacts";
            default -> throw new IllegalArgumentException("not a source feature: " + f);
        };
    }

    /** "credit cards", "savings": the skill names partners see in the quiz. */
    static String label(Product product) {
        return Skill.of(product).code().replace('_', ' ');
    }
}
