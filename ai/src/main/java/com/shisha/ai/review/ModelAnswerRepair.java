package com.shisha.ai.review;

import com.shisha.ai.llm.AnswerChecks;
import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.coach.CallReviews.Rubric;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates the model's answer against the call-review schema (resources review/call-review.schema.json) and
 * repairs what can be repaired, noting every change.
 *
 * <p>Why a hand-written validator rather than a JSON-schema library: the schema is six integers, two small maps,
 * a list and an enum, and validation alone is not the job. Every violation needs a specific repair (a score
 * written "85%", a seventh tip, a missing item), so the code would walk the tree field by field after a library
 * said "invalid" anyway. The Maven Central validators (networknt, everit) are built on Jackson 2 while this project
 * is on Jackson 3, so one would also bring a second JSON stack for a check this size.
 *
 * <p>Repairs: code fences and text around the object are cut away; a score may be a number, a numeric string,
 * "85%", "8/10" (scaled to 100) or an object with a "score" field; fractions are rounded and values clamped to
 * 0-100; item names are matched loosely ("Need Discovery", "need-discovery"); items missing or unreadable are
 * taken from the rubric scorer; evidence quotes that are not in the transcript are dropped and items left
 * without evidence take the rubric's quotes; tips that are blank, over 300 characters or not in the partner's
 * language, or under 15 characters, are dropped; the rubric's violation tips (a promise, an OTP request) go first;
 * extra tips are cut to three, missing ones filled from the rubric's tips; an unknown product
 * is treated as none. Unrepairable (the caller uses the rubric scorer alone): no JSON object, invalid JSON, a
 * root that is not an object, or fewer than {@link #MIN_SCORED_ITEMS} readable item scores.
 */
final class ModelAnswerRepair {

    static final int MIN_SCORED_ITEMS = 4;
    static final int TIPS = 3;
    static final int MAX_TIP_CHARS = 300;
    static final int MIN_TIP_CHARS = 15;

    private static final java.util.Set<String> TOP_LEVEL = java.util.Set.of("scores", "evidence", "tips", "product");
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Pattern SCORE = Pattern.compile("^\\s*(-?\\d+(?:\\.\\d+)?)\\s*(%|/\\s*(\\d+(?:\\.\\d+)?))?\\s*$");

    /** Why an answer could not be used. */
    static final class Unrepairable extends Exception {
        Unrepairable(String reason) {
            super(reason);
        }
    }

    private ModelAnswerRepair() {
    }

    static ModelAnswer repair(String raw, RubricResult rubric, Language language, String transcript) throws Unrepairable {
        List<String> repairs = new ArrayList<>();
        AnswerChecks.JsonObjectText found = AnswerChecks.jsonObjectIn(raw)
                .orElseThrow(() -> new Unrepairable("no JSON object in the answer"));
        if (found.fenced()) {
            repairs.add("code fence removed");
        }
        if (found.leading()) {
            repairs.add("text before the JSON object removed");
        }
        if (found.trailing()) {
            repairs.add("text after the JSON object removed");
        }
        JsonNode root;
        try {
            root = JSON.readTree(found.json());
        } catch (JacksonException e) {
            throw new Unrepairable("not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new Unrepairable("the JSON is not an object");
        }

        Map<Rubric, Integer> scores = new EnumMap<>(Rubric.class);
        Map<Rubric, List<String>> evidence = new EnumMap<>(Rubric.class);
        JsonNode scoreNode = root.get("scores");
        if (scoreNode == null || !scoreNode.isObject()) {
            // some models put the items at the top level
            scoreNode = root;
            repairs.add("no \"scores\" object: item scores read from the top level");
        }
        for (Map.Entry<String, JsonNode> field : scoreNode.properties()) {
            if (scoreNode == root && TOP_LEVEL.contains(field.getKey())) {
                continue;
            }
            Optional<Rubric> item = item(field.getKey());
            if (item.isEmpty()) {
                if (scoreNode != root) {
                    repairs.add("unknown item '" + field.getKey() + "' ignored");
                }
                continue;
            }
            JsonNode value = field.getValue();
            if (value.isObject() && value.has("evidence")) {
                evidence.put(item.get(), quotes(value.get("evidence")));
            }
            if (value.isObject() && value.has("score")) {
                value = value.get("score");
            }
            Optional<Integer> score = score(value, item.get(), repairs);
            score.ifPresent(s -> scores.put(item.get(), s));
        }
        if (scores.size() < MIN_SCORED_ITEMS) {
            throw new Unrepairable("only " + scores.size() + " of 6 items scored");
        }
        for (Rubric item : Rubric.values()) {
            if (!scores.containsKey(item)) {
                scores.put(item, rubric.scores().get(item));
                repairs.add(key(item) + " missing: the rubric scorer's " + rubric.scores().get(item) + " used");
            }
        }

        JsonNode evidenceNode = root.get("evidence");
        if (evidenceNode != null && evidenceNode.isObject()) {
            for (Map.Entry<String, JsonNode> field : evidenceNode.properties()) {
                item(field.getKey()).ifPresent(item -> evidence.put(item, quotes(field.getValue())));
            }
        }
        String haystack = Cues.normalise(transcript);
        int dropped = 0;
        for (Rubric item : Rubric.values()) {
            List<String> given = evidence.getOrDefault(item, List.of());
            List<String> kept = given.stream().filter(q -> inTranscript(q, haystack)).limit(3).toList();
            dropped += (int) given.stream().filter(q -> !inTranscript(q, haystack)).count();
            evidence.put(item, kept.isEmpty() ? rubric.evidence().getOrDefault(item, List.of()) : kept);
        }
        if (dropped > 0) {
            repairs.add(dropped + " evidence quote(s) not found in the transcript dropped");
        }

        List<String> tips = tips(root.get("tips"), rubric, language, repairs);
        Product product = product(root.get("product"), repairs);
        return new ModelAnswer(scores, evidence, tips, product, repairs, canonical(scores, evidence, tips, product));
    }

    /** "need_discovery", "Need Discovery", "needDiscovery", "need-discovery" or a unique start like "objection". */
    static Optional<Rubric> item(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (n.length() < 5) {
            return Optional.empty();
        }
        List<Rubric> matches = new ArrayList<>();
        for (Rubric r : Rubric.values()) {
            String k = r.name().toLowerCase(Locale.ROOT).replace("_", "");
            if (k.equals(n)) {
                return Optional.of(r);
            }
            if (k.startsWith(n)) {
                matches.add(r);
            }
        }
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    private static Optional<Integer> score(JsonNode value, Rubric item, List<String> repairs) {
        double number;
        if (value.isNumber()) {
            number = value.doubleValue();
        } else if (value.isString()) {
            Matcher m = SCORE.matcher(value.stringValue());
            if (!m.matches()) {
                repairs.add(key(item) + ": unreadable score \"" + value.stringValue() + "\"");
                return Optional.empty();
            }
            number = Double.parseDouble(m.group(1));
            if (m.group(3) != null) {
                double scale = Double.parseDouble(m.group(3));
                if (scale <= 0) {
                    repairs.add(key(item) + ": unreadable score \"" + value.stringValue() + "\"");
                    return Optional.empty();
                }
                number = number * 100 / scale;
            }
            repairs.add(key(item) + ": score \"" + value.stringValue() + "\" read as a number");
        } else {
            repairs.add(key(item) + ": score is " + value.getNodeType() + ", not a number");
            return Optional.empty();
        }
        long rounded = Math.round(number);
        if (rounded != number) {
            repairs.add(key(item) + ": score " + number + " rounded");
        }
        long clamped = Math.max(0, Math.min(100, rounded));
        if (clamped != rounded) {
            repairs.add(key(item) + ": score " + rounded + " clamped to " + clamped);
        }
        return Optional.of((int) clamped);
    }

    private static List<String> quotes(JsonNode node) {
        List<String> quotes = new ArrayList<>();
        if (node == null) {
            return quotes;
        }
        if (node.isString()) {
            quotes.add(node.stringValue());
        } else if (node.isArray()) {
            for (JsonNode q : node.values()) {
                if (q.isString() && !q.stringValue().isBlank()) {
                    quotes.add(q.stringValue());
                }
            }
        }
        return quotes;
    }

    /** A quote counts when, without its quote marks and a trailing ellipsis, the transcript says it. */
    private static boolean inTranscript(String quote, String normalisedTranscript) {
        String q = Cues.normalise(unquote(quote));
        return q.length() >= 3 && normalisedTranscript.contains(q);
    }

    private static String unquote(String quote) {
        return quote.strip().replaceAll("^[\"'“”‘’]+|[\"'“”‘’]+$", "").replaceAll("(\\.\\.\\.|…)$", "").strip();
    }

    private static List<String> tips(JsonNode node, RubricResult rubric, Language language, List<String> repairs) {
        List<String> given = quotes(node);
        List<String> tips = new ArrayList<>();
        // a promise or an OTP request the rubric found is the first thing the partner must hear, whatever the model says
        rubric.gaps().stream().filter(g -> g.weight() >= RubricScorer.VIOLATION_WEIGHT)
                .sorted(java.util.Comparator.comparingInt(RubricResult.Gap::weight).reversed())
                .map(g -> g.text(language)).forEach(tips::add);
        if (!tips.isEmpty()) {
            repairs.add(tips.size() + " violation tip(s) from the rubric scorer put first");
        }
        for (String tip : given) {
            String t = tip.strip();
            if (t.length() < MIN_TIP_CHARS) {
                repairs.add("a tip under " + MIN_TIP_CHARS + " characters dropped: too short to be concrete");
            } else if (t.length() > MAX_TIP_CHARS) {
                repairs.add("a tip over " + MAX_TIP_CHARS + " characters dropped");
            } else if (!AnswerChecks.isIn(t, language)) {
                repairs.add("a tip not in " + language.code() + " dropped");
            } else if (tips.contains(t)) {
                repairs.add("a repeated tip dropped");
            } else {
                tips.add(t);
            }
        }
        if (tips.size() > TIPS) {
            repairs.add((tips.size() - TIPS) + " tip(s) beyond three cut");
            tips = new ArrayList<>(tips.subList(0, TIPS));
        }
        if (tips.size() < TIPS) {
            int filled = 0;
            for (String tip : rubric.tips(language, TIPS + 3)) {
                if (tips.size() < TIPS && !tips.contains(tip)) {
                    tips.add(tip);
                    filled++;
                }
            }
            repairs.add(filled + " tip(s) filled from the rubric scorer");
        }
        return List.copyOf(tips);
    }

    private static Product product(JsonNode node, List<String> repairs) {
        if (node == null || node.isNull()) {
            repairs.add("no product given");
            return null;
        }
        String p = node.asString("").toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return switch (p) {
            case "loan", "loans", "personalloan", "goldloan", "businessloan", "homeloan" -> Product.LOANS;
            case "creditcard", "creditcards" -> Product.CREDIT_CARDS;
            case "insurance", "terminsurance", "healthinsurance", "lifeinsurance" -> Product.INSURANCE;
            case "savings", "savingsaccount", "savingsaccounts", "fixeddeposit", "fd", "rd" -> Product.SAVINGS_ACCOUNTS;
            case "demat", "demataccount", "trading", "tradingaccount" -> Product.DEMAT;
            case "none", "" -> null;
            default -> {
                repairs.add("unknown product '" + node.asString("") + "' treated as none");
                yield null;
            }
        };
    }

    static String key(Rubric item) {
        return item.name().toLowerCase(Locale.ROOT);
    }

    static String code(Product product) {
        return product == null ? "none" : product == Product.SAVINGS_ACCOUNTS ? "savings" : product.name().toLowerCase(Locale.ROOT);
    }

    private static String canonical(Map<Rubric, Integer> scores, Map<Rubric, List<String>> evidence, List<String> tips,
                                    Product product) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode s = root.putObject("scores");
        ObjectNode e = root.putObject("evidence");
        for (Rubric item : Rubric.values()) {
            s.put(key(item), scores.get(item));
            evidence.getOrDefault(item, List.of()).forEach(e.withArray(key(item))::add);
        }
        tips.forEach(root.putArray("tips")::add);
        root.put("product", code(product));
        return JSON.writeValueAsString(root);
    }
}
