package com.shisha.ai.review;

import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.call.CallCues;
import com.shisha.core.call.LeadCalls.TipKind;
import com.shisha.core.coach.CoachGuide;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * Spots what a customer says on a live call: a naive Bayes model over sound keys ({@link Cues#keys}), the same kind
 * as the review's sentence model, trained on {@code live/customer-says.tsv} (one model for English, Hindi and
 * Hinglish). A tip for an objection or a question is the point of the coach guide's nearest section that shares the
 * most with what was said; with no section near enough, and for a buying signal, a short rule of thumb.
 */
public final class LiveCues implements CallCues {

    enum Said { OBJECTION, QUESTION, SIGNAL, OTHER }

    /** A customer's sentence is short and noisy: a label a little less sure than the review's still helps live. */
    static final double SURE = 0.6;
    private static final int MAX_TIP = 220;
    private static final SentenceClassifier<Said> MODEL = SentenceClassifier.train("/live/customer-says.tsv", Said.class, Said.OTHER);

    private final CoachGuide guide;

    /** @param guide where tips come from; null: only the rules of thumb */
    public LiveCues(CoachGuide guide) {
        this.guide = guide;
    }

    /** What the sentence is, as the model reads it; OTHER when it is not sure. */
    static Said read(String said) {
        return MODEL.classify(Cues.keys(said), SURE);
    }

    @Override
    public Optional<Cue> spot(String said, Language language, Product product) {
        if (said == null || said.isBlank()) {
            return Optional.empty();
        }
        Said kind = read(said);
        if (kind == Said.OTHER) {
            return Optional.empty();
        }
        TipKind tipKind = TipKind.valueOf(kind.name());
        if (kind != Said.SIGNAL && guide != null) {
            Optional<Cue> fromGuide = fromGuide(said, language, tipKind);
            if (fromGuide.isPresent()) {
                return fromGuide;
            }
        }
        return Optional.of(new Cue(tipKind, ruleOfThumb(tipKind, language), null));
    }

    /** The notice a partner gets when no speech model listens: tips cannot come. */
    public static String listeningOff(Language language) {
        return ruleOfThumb(TipKind.LISTENING_OFF, language);
    }

    private Optional<Cue> fromGuide(String said, Language language, TipKind kind) {
        CoachGuide.Trial trial = guide.trial(said, language);
        if (trial.outcome() != CoachGuide.Outcome.ANSWERED || trial.hits().isEmpty()) {
            return Optional.empty();
        }
        String id = trial.hits().get(0).id();
        Optional<CoachGuide.Section> section = guide.live().stream().filter(s -> s.id().equals(id)).findFirst();
        if (section.isEmpty()) {
            return Optional.empty();
        }
        CoachGuide.Text text = section.get().text(language);
        Set<String> heard = new HashSet<>(Arrays.asList(Cues.keys(said).split(" ")));
        String best = null;
        int bestShared = -1;
        for (String line : text.body().split("\n")) {
            if (!line.startsWith("- ")) {
                continue;
            }
            String point = line.substring(2).strip();
            int shared = 0;
            for (String key : Cues.keys(point).split(" ")) {
                shared += heard.contains(key) ? 1 : 0;
            }
            if (shared > bestShared) {
                bestShared = shared;
                best = point;
            }
        }
        if (best == null) {
            List<String> lines = List.of(text.body().split("\n"));
            best = lines.get(0).strip();
        }
        return Optional.of(new Cue(kind, shorten(best), text.title()));
    }

    private static String shorten(String point) {
        if (point.length() <= MAX_TIP) {
            return point;
        }
        int cut = point.lastIndexOf(' ', MAX_TIP - 1);
        return point.substring(0, cut > 0 ? cut : MAX_TIP - 1) + "…";
    }

    private static String ruleOfThumb(TipKind kind, Language language) {
        return ResourceBundle.getBundle("live/tips", language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(kind.name());
    }
}
