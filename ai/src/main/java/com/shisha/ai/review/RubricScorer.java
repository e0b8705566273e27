package com.shisha.ai.review;

import com.shisha.ai.review.RubricResult.Gap;
import com.shisha.ai.review.SentenceClassifier.Label;
import com.shisha.ai.review.Transcript.Sentence;
import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.coach.CallReviews.Rubric;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores a call transcript against the six rubric items from evidence alone: every point comes from a phrase
 * found in the partner's (or, for objections, the customer's) own words, and the sentence it was found in is kept
 * as a quote. Deterministic, so it serves when the model is unavailable and as the yardstick the model's scores
 * are checked against. Works on English, Hindi and Hinglish because its phrase lists hold all three
 * (see {@link RubricCues}).
 */
public final class RubricScorer {

    /** Gaps at least this heavy are violations, which come before every other tip. */
    static final int VIOLATION_WEIGHT = 1000;
    /** The partner's first sentences, where an opening counts. */
    static final int OPENING_SENTENCES = 6;
    private static final int QUOTES_PER_ITEM = 4;

    private static final Map<Product, List<Cues>> FACTS = new EnumMap<>(Product.class);
    private static final SentenceClassifier<Label> CLASSIFIER = SentenceClassifier.trained();
    /**
     * Facets a sentence also shows when the classifier is sure of its label, though no cue matched. Objections
     * use it only for sentences known to be the customer's (see isObjection).
     */
    private static final Map<String, Label> LEARNED = Map.of("need or goal", Label.NEED, "charges", Label.COST,
            "terms", Label.TERMS, "kyc", Label.KYC, "ask", Label.NEXT);

    static {
        RubricCues.PRODUCTS.forEach((product, cues) ->
                FACTS.put(product, cues.facts().stream().map(Cues::of).toList()));
    }

    public RubricResult score(String transcript) {
        Transcript parsed = Transcript.parse(transcript);
        List<Sentence> sentences = parsed.sentences();
        Map<Rubric, Integer> scores = new EnumMap<>(Rubric.class);
        Map<Rubric, Set<String>> evidence = new EnumMap<>(Rubric.class);
        for (Rubric item : Rubric.values()) {
            scores.put(item, 0);
            evidence.put(item, new LinkedHashSet<>());
        }
        List<Gap> gaps = new ArrayList<>();
        Set<Rubric> notObserved = EnumSet.noneOf(Rubric.class);
        Set<String> found = new LinkedHashSet<>();

        Map<Sentence, Label> labels = new java.util.HashMap<>();
        sentences.forEach(s -> labels.put(s, CLASSIFIER.classify(s.normalised())));
        for (Facet facet : RubricCues.FACETS) {
            Label learned = LEARNED.get(facet.name());
            List<Sentence> hits = sentences.stream().filter(s -> counts(facet.where(), s, sentences))
                    .filter(s -> facet.cues().in(s.normalised())
                            || learned != null && labels.get(s) == learned && !placed(facet.item(), s))
                    .toList();
            if (hits.isEmpty()) {
                gaps.add(new Gap(facet.item(), facet.weight(), facet.tipEn(), facet.tipHi()));
            } else {
                found.add(facet.name());
                scores.merge(facet.item(), facet.weight(), Integer::sum);
                hits.stream().sorted(java.util.Comparator.comparingInt(
                                (Sentence h) -> -facet.cues().count(h.normalised()))).limit(1).forEach(s -> evidence.get(facet.item()).add(s.quote()));
            }
        }

        boolean violation = penaliseViolations(sentences, scores, evidence, gaps);
        int[] objections = scoreObjections(sentences, labels, scores, evidence, gaps, notObserved);
        Product product = detectProduct(sentences);
        scoreProduct(sentences, product, scores, evidence, gaps);

        Map<Rubric, List<String>> quotes = new EnumMap<>(Rubric.class);
        evidence.forEach((item, q) -> quotes.put(item, q.stream().limit(QUOTES_PER_ITEM).toList()));
        scores.replaceAll((item, score) -> Math.max(0, Math.min(100, score)));
        int words = parsed.wordCount();
        return new RubricResult(scores, quotes, notObserved, product, violation, gaps, words, found,
                objections[0], objections[1]);
    }

    /**
     * Whether a cue of another facet of the item already found this sentence: the classifier stands in for cues
     * that missed a paraphrase, it does not count one sentence twice ("income kitni hai" is the income question,
     * not also the need question).
     */
    private static boolean placed(Rubric item, Sentence s) {
        return RubricCues.FACETS.stream().filter(f -> f.item() == item && !f.name().equals("open question"))
                .anyMatch(f -> f.cues().in(s.normalised()));
    }

    private static boolean counts(Facet.Where where, Sentence s, List<Sentence> all) {
        if (!s.byPartner()) {
            return false;
        }
        return switch (where) {
            case START -> all.stream().filter(Sentence::byPartner).limit(OPENING_SENTENCES).anyMatch(p -> p == s);
            case QUESTION -> isQuestion(s) && !RubricCues.PERMISSION.in(s.normalised());
            case STATED -> !isQuestion(s) || hasAmount(s);
            case AMOUNT -> hasAmount(s);
            case ANYWHERE -> true;
            case END -> all.size() <= 4 || s.index() >= all.size() / 2;
        };
    }

    /**
     * Speech-to-text writes no question marks, so a question is also a sentence with a question word anywhere
     * ("aapko loan kis liye chahiye") or a tag at its end ("emi theek hai na").
     */
    static boolean isQuestion(Sentence s) {
        if (s.text().contains("?") || RubricCues.QUESTION_WORDS.in(s.normalised())) {
            return true;
        }
        String[] words = s.normalised().split(" ");
        String[] tail = java.util.Arrays.copyOfRange(words, Math.max(0, words.length - 2), words.length);
        return words.length > 2 && RubricCues.QUESTION_TAGS.in(tail) && RubricCues.QUESTION_TAGS.in(
                new String[]{words[words.length - 1]});
    }

    private static boolean hasAmount(Sentence s) {
        return RubricCues.AMOUNTS.in(s.normalised()) || s.normalised().matches("(.* )?[0-9].*");
    }

    /**
     * An objection is the customer's. Without speaker labels a question is taken for the partner's
     * ("do you already have a loan?" is discovery, not the objection "I already have one").
     */
    private static boolean isObjection(Sentence s, Map<Sentence, Label> labels) {
        if (!s.byCustomer()) {
            return false;
        }
        // the classifier only where the speaker is known: unlabelled, it takes the partner repeating a doubt
        // for the customer's
        boolean customer = s.speaker() == Transcript.Speaker.CUSTOMER;
        // a bare "nahi hai" answers a question; an objection says what is wrong
        boolean learned = customer && labels.get(s) == Label.OBJECTION && s.normalised().split(" ").length >= 3;
        if (!learned && !RubricCues.OBJECTIONS.in(s.normalised())
                && !(customer && RubricCues.CUSTOMER_OBJECTIONS.in(s.normalised()))) {
            return false;
        }
        if (s.speaker() == Transcript.Speaker.UNKNOWN && (RubricCues.NOT_GUARANTEED.in(s.normalised())
                || RubricCues.PROMISES.in(s.normalised()))) {
            return false; // "market risk hai, guarantee nahi" and "no risk" are the partner's, not objections
        }
        return s.speaker() == Transcript.Speaker.CUSTOMER || !isQuestion(s);
    }

    /**
     * A promise of approval or returns, or a request for an OTP/PIN, takes points off compliance however well the
     * rest was disclosed: one sentence like that can cost the customer more than all the disclosures protect.
     * A sentence that also says "not guaranteed" is not a promise ("approval is not guaranteed, no risk of ...").
     */
    private static boolean penaliseViolations(List<Sentence> sentences, Map<Rubric, Integer> scores,
                                              Map<Rubric, Set<String>> evidence, List<Gap> gaps) {
        boolean promise = false;
        boolean secret = false;
        for (Sentence s : sentences) {
            if (!s.byPartner()) {
                continue;
            }
            if (RubricCues.PROMISES.in(s.normalised()) && !RubricCues.NOT_GUARANTEED.in(s.normalised())) {
                scores.merge(Rubric.COMPLIANCE_DISCLOSURES, -RubricCues.PROMISE_PENALTY, Integer::sum);
                evidence.get(Rubric.COMPLIANCE_DISCLOSURES).add("violation (promise): " + s.quote());
                promise = true;
            }
            if (RubricCues.SECRETS.in(s.normalised())) {
                scores.merge(Rubric.COMPLIANCE_DISCLOSURES, -RubricCues.SECRET_PENALTY, Integer::sum);
                evidence.get(Rubric.COMPLIANCE_DISCLOSURES).add("violation (asked for a secret): " + s.quote());
                secret = true;
            }
        }
        if (secret) {
            gaps.add(new Gap(Rubric.COMPLIANCE_DISCLOSURES, VIOLATION_WEIGHT + 1, RubricCues.SECRET_TIP_EN, RubricCues.SECRET_TIP_HI));
        }
        if (promise) {
            gaps.add(new Gap(Rubric.COMPLIANCE_DISCLOSURES, VIOLATION_WEIGHT, RubricCues.PROMISE_TIP_EN, RubricCues.PROMISE_TIP_HI));
        }
        return promise || secret;
    }

    /**
     * Each objection the customer raised is worth 70 when one of the partner's next sentences answers it with a
     * reason, a comparison or a fact, and 30 more when the partner also acknowledged it; acknowledging alone is
     * worth 20. The item is the average over objections.
     */
    private static int[] scoreObjections(List<Sentence> sentences, Map<Sentence, Label> labels, Map<Rubric, Integer> scores,
                                        Map<Rubric, Set<String>> evidence, List<Gap> gaps, Set<Rubric> notObserved) {
        Rubric item = Rubric.OBJECTION_HANDLING;
        int raised = 0;
        int handled = 0;
        int total = 0;
        boolean unanswered = false;
        boolean unacknowledged = false;
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            if (!isObjection(s, labels)) {
                continue;
            }
            raised++;
            evidence.get(item).add("objection: " + s.quote());
            List<Sentence> reply = new ArrayList<>();
            if (s.speaker() == Transcript.Speaker.UNKNOWN && RubricCues.EMPATHY.in(s.normalised())) {
                // unlabelled, "I understand it feels costly, let me show a smaller cover" is the partner
                // answering an objection in the same breath: the sentence is part of its own answer
                reply.add(s);
            }
            int j = i + 1;
            // further customer sentences before the partner replies belong to the same objection
            while (j < sentences.size() && sentences.get(j).speaker() == Transcript.Speaker.CUSTOMER) {
                j++;
            }
            i = j - 1;
            for (; j < sentences.size() && reply.size() < RubricCues.ANSWER_WINDOW; j++) {
                Sentence r = sentences.get(j);
                if (r.speaker() == Transcript.Speaker.CUSTOMER
                        || r.speaker() == Transcript.Speaker.UNKNOWN && isObjection(r, labels)) {
                    break;
                }
                reply.add(r);
            }
            boolean answered = reply.stream().anyMatch(r -> RubricCues.ANSWERS.in(r.normalised()))
                    && reply.stream().mapToInt(r -> r.text().split("\\s+").length).sum() >= 5;
            boolean acknowledged = reply.stream().anyMatch(r -> RubricCues.EMPATHY.in(r.normalised()));
            handled += answered ? 1 : 0;
            total += (answered ? 70 : 0) + (acknowledged ? (answered ? 30 : 20) : 0);
            unanswered |= !answered;
            unacknowledged |= !acknowledged;
            reply.stream().filter(r -> RubricCues.ANSWERS.in(r.normalised()) || RubricCues.EMPATHY.in(r.normalised()))
                    .findFirst().ifPresent(r -> evidence.get(item).add("answer: " + r.quote()));
        }
        if (raised == 0) {
            notObserved.add(item);
            scores.put(item, RubricCues.NOT_OBSERVED_SCORE);
            gaps.add(new Gap(item, 10, RubricCues.OBJECTION_TIP_NONE_EN, RubricCues.OBJECTION_TIP_NONE_HI));
            return new int[]{0, 0};
        }
        scores.put(item, Math.round((float) total / raised));
        if (unanswered) {
            gaps.add(new Gap(item, 70, RubricCues.OBJECTION_TIP_UNANSWERED_EN, RubricCues.OBJECTION_TIP_UNANSWERED_HI));
        }
        if (unacknowledged) {
            gaps.add(new Gap(item, 30, RubricCues.OBJECTION_TIP_EMPATHY_EN, RubricCues.OBJECTION_TIP_EMPATHY_HI));
        }
        return new int[]{raised, handled};
    }

    /**
     * The product the call was about: two points per sentence naming it, one per distinct fact of it, from either
     * speaker (a customer asking about EMIs is on a loan call too). Ties go to the product listed first.
     */
    static Product detectProduct(List<Sentence> sentences) {
        Product best = null;
        int bestHits = 0;
        for (Product product : Product.values()) {
            int hits = 0;
            for (Sentence s : sentences) {
                hits += RubricCues.PRODUCTS.get(product).names().in(s.normalised()) ? 2 : 0;
            }
            for (Cues fact : FACTS.get(product)) {
                hits += sentences.stream().anyMatch(s -> fact.in(s.normalised())) ? 1 : 0;
            }
            if (hits > bestHits) {
                best = product;
                bestHits = hits;
            }
        }
        return best;
    }

    private static void scoreProduct(List<Sentence> sentences, Product product, Map<Rubric, Integer> scores,
                                     Map<Rubric, Set<String>> evidence, List<Gap> gaps) {
        Rubric item = Rubric.PRODUCT_EXPLANATION;
        List<Sentence> partner = sentences.stream().filter(Sentence::byPartner).toList();
        int score = 0;
        if (product != null) {
            List<Sentence> naming = partner.stream()
                    .filter(s -> RubricCues.PRODUCTS.get(product).names().in(s.normalised())).toList();
            if (!naming.isEmpty()) {
                score += RubricCues.PRODUCT_NAMED;
                evidence.get(item).add(naming.get(0).quote());
            }
            int facts = 0;
            for (Cues fact : FACTS.get(product)) {
                var where = partner.stream().filter(s -> fact.in(s.normalised())).findFirst();
                if (where.isPresent() && facts < RubricCues.MAX_FACTS) {
                    facts++;
                    evidence.get(item).add(where.get().quote());
                }
            }
            score += facts * RubricCues.PER_FACT;
            if (naming.isEmpty()) {
                gaps.add(new Gap(item, RubricCues.PRODUCT_NAMED, RubricCues.PRODUCT_TIP_NAME_EN, RubricCues.PRODUCT_TIP_NAME_HI));
            }
            if (facts < 2) {
                gaps.add(new Gap(item, (RubricCues.MAX_FACTS - facts) * RubricCues.PER_FACT,
                        RubricCues.PRODUCT_TIP_FACTS_EN, RubricCues.PRODUCT_TIP_FACTS_HI));
            }
        } else {
            gaps.add(new Gap(item, RubricCues.PRODUCT_NAMED, RubricCues.PRODUCT_TIP_NAME_EN, RubricCues.PRODUCT_TIP_NAME_HI));
            gaps.add(new Gap(item, RubricCues.MAX_FACTS * RubricCues.PER_FACT, RubricCues.PRODUCT_TIP_FACTS_EN,
                    RubricCues.PRODUCT_TIP_FACTS_HI));
        }
        // a benefit is stated, not asked: "kya baat kar sakte hain?" is a permission question
        var benefit = partner.stream().filter(s -> !s.text().contains("?"))
                .filter(s -> RubricCues.BENEFITS.in(s.normalised())).findFirst();
        if (benefit.isPresent() && product != null) {
            score += RubricCues.BENEFIT;
            evidence.get(item).add(benefit.get().quote());
        } else {
            gaps.add(new Gap(item, RubricCues.BENEFIT, RubricCues.PRODUCT_TIP_BENEFIT_EN, RubricCues.PRODUCT_TIP_BENEFIT_HI));
        }
        scores.put(item, score);
    }

    /** For a call strong on every item: a tip that keeps the strength. */
    static String keepTip(Rubric item, Language language) {
        boolean hi = language == Language.HI;
        return switch (item) {
            case OPENING -> hi ? "शुरुआत अच्छी थी: नाम, GroMo और कॉल का कारण हर कॉल में ऐसे ही बताते रहें।"
                    : "Your opening worked: keep giving your name, GroMo and the reason for the call every time.";
            case NEED_DISCOVERY -> hi ? "सवाल अच्छे थे: जवाब छोटे नोट में लिखें ताकि फ़ॉलो-अप में काम आएँ।"
                    : "Good questions: note the answers down so your follow-up starts where this call ended.";
            case PRODUCT_EXPLANATION -> hi ? "प्रोडक्ट अच्छे से समझाया: अगली बार ग्राहक से उसके शब्दों में दोहराने को कहें।"
                    : "Clear explanation: next time ask the customer to say it back in their own words to check.";
            case OBJECTION_HANDLING -> hi ? "आपत्ति का जवाब अच्छा था: आम आपत्तियों के जवाब पहले से तैयार रखें।"
                    : "Objections handled well: keep ready answers for the three objections you hear most.";
            case COMPLIANCE_DISCLOSURES -> hi ? "ज़रूरी बातें साफ़ बताईं: हर कॉल में फ़ीस, शर्तें और सहमति ऐसे ही बताते रहें।"
                    : "Disclosures were clear: keep stating fees, terms and consent on every call.";
            case CLOSING -> hi ? "क्लोज़ साफ़ था: तय समय पर फ़ॉलो-अप ज़रूर करें।"
                    : "Clear close: make sure the follow-up happens at the time you agreed.";
        };
    }
}
