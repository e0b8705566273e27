package com.shisha.ai.leads;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A logistic model over {@link LeadFeature}: P(converts) = 1 / (1 + exp(-(intercept + sum weight_i * x_i))). Kept
 * as plain coefficients in a JSON file of our own rather than a serialised library object, so reading it needs
 * no machine-learning library and no class compatibility across versions, and a diff of the file shows what a
 * retrain changed.
 *
 * <p>The file is checked as a whole when read: the format and version, exactly the features of
 * {@link LeadFeature} in their order, finite numbers, and no negative weight on a
 * {@link LeadFeature#nonNegative()} feature. Anything else is an {@link IllegalStateException} naming the file.
 *
 * @param means per feature, its mean over the training contacts: a reason is a feature's pull away from the
 *              average lead, weight * (x - mean), not its raw product
 * @param about where the coefficients came from (trainer, seed, evaluation), for people; never read for scoring
 */
public record LeadModel(double intercept, double[] weights, double[] means, Map<String, Object> about) {

    public static final String FORMAT = "shisha-lead-model";
    public static final int VERSION = 1;
    /** The shipped model, retrained by ai/retrain-lead-model.sh. */
    public static final String RESOURCE = "leads/lead-model.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public LeadModel {
        weights = weights.clone();
        means = means.clone();
        about = Map.copyOf(about);
        String problem = problem(intercept, weights, means);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** A copy: the model stays immutable. */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** A copy: the model stays immutable. */
    @Override
    public double[] means() {
        return means.clone();
    }

    public double weight(LeadFeature feature) {
        return weights[feature.ordinal()];
    }

    public double mean(LeadFeature feature) {
        return means[feature.ordinal()];
    }

    /** The log-odds of converting for these feature values. */
    public double logit(double[] x) {
        double z = intercept;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * x[i];
        }
        return z;
    }

    public double probability(double[] x) {
        return 1 / (1 + Math.exp(-logit(x)));
    }

    public static LeadModel fromClasspath() {
        return fromClasspath(RESOURCE);
    }

    public static LeadModel fromClasspath(String resource) {
        try (InputStream in = LeadModel.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return read(in, resource);
        } catch (IOException e) {
            throw new IllegalStateException(resource + " cannot be read: " + e.getMessage(), e);
        }
    }

    public static LeadModel read(InputStream in, String name) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JacksonException e) {
            throw new IllegalStateException(name + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (!FORMAT.equals(root.path("format").asString(null)) || root.path("version").asInt(-1) != VERSION) {
            throw new IllegalStateException(name + ": not a " + FORMAT + " file of version " + VERSION);
        }
        JsonNode features = root.path("features");
        if (!features.isArray() || features.size() != LeadFeature.COUNT) {
            throw new IllegalStateException(name + ": needs the " + LeadFeature.COUNT + " features of LeadFeature, has "
                    + features.size() + "; retrain the model (ai/retrain-lead-model.sh)");
        }
        double[] weights = new double[LeadFeature.COUNT];
        double[] means = new double[LeadFeature.COUNT];
        for (LeadFeature f : LeadFeature.ALL) {
            JsonNode node = features.get(f.ordinal());
            String key = node.path("name").asString("");
            if (!f.key().equals(key)) {
                throw new IllegalStateException(name + ": feature " + f.ordinal() + " must be " + f.key() + ", is '"
                        + key + "'; retrain the model (ai/retrain-lead-model.sh)");
            }
            weights[f.ordinal()] = number(node, "weight", name);
            means[f.ordinal()] = number(node, "mean", name);
        }
        Map<String, Object> about = MAPPER.convertValue(root.path("about").isObject() ? root.path("about")
                : MAPPER.createObjectNode(), Map.class);
        double intercept = number(root, "intercept", name);
        String problem = problem(intercept, weights, means);
        if (problem != null) {
            throw new IllegalStateException(name + ": " + problem);
        }
        return new LeadModel(intercept, weights, means, about);
    }

    /** The file's text: "about" sorted by key and features in {@link LeadFeature} order, so a retrain diffs readably. */
    public String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.set("about", MAPPER.valueToTree(new TreeMap<>(about)));
        root.put("intercept", intercept);
        ArrayNode features = root.putArray("features");
        for (LeadFeature f : LeadFeature.ALL) {
            features.addObject().put("name", f.key()).put("weight", weights[f.ordinal()]).put("mean", means[f.ordinal()]);
        }
        return MAPPER.writeValueAsString(root) + "\n";
    }

    private static double number(JsonNode node, String field, String name) {
        JsonNode value = node.path(field);
        if (!value.isNumber()) {
            throw new IllegalStateException(name + ": " + field + " must be a number in " + node);
        }
        return value.doubleValue();
    }

    private static String problem(double intercept, double[] weights, double[] means) {
        if (weights.length != LeadFeature.COUNT || means.length != LeadFeature.COUNT) {
            return "needs " + LeadFeature.COUNT + " weights and means, has " + weights.length + " and " + means.length;
        }
        if (!Double.isFinite(intercept)) {
            return "intercept must be finite, is " + intercept;
        }
        for (LeadFeature f : LeadFeature.ALL) {
            double w = weights[f.ordinal()];
            double m = means[f.ordinal()];
            if (!Double.isFinite(w) || !Double.isFinite(m)) {
                return f.key() + ": weight and mean must be finite, are " + w + " and " + m;
            }
            if (f.nonNegative() && w < 0) {
                return f.key() + " must not lower a score, so its weight must be >= 0, is " + w;
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeadModel m && Double.compare(intercept, m.intercept) == 0
                && Arrays.equals(weights, m.weights) && Arrays.equals(means, m.means) && about.equals(m.about);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Double.hashCode(intercept) + Arrays.hashCode(weights)) + Arrays.hashCode(means);
    }

    @Override
    public String toString() {
        return "LeadModel[" + LeadFeature.COUNT + " features, intercept " + intercept + ", " + about + "]";
    }
}
