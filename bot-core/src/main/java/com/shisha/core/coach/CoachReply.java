package com.shisha.core.coach;

import com.shisha.core.Language;

import java.util.List;
import java.util.Objects;

/**
 * An answer as parts, so each channel can lay it out: WhatsApp pages it with MORE and a sources line, the API
 * returns it as fields.
 *
 * @param answerId for thumbs up/down
 * @param notice   one sentence said before the answer when it is the guide's text rather than the model's (and why);
 *                 null otherwise
 * @param body     the answer in plain text: no markup, no section ids; its most useful part comes first, so a
 *                 channel that shows only a first page shows that
 * @param sources  the knowledge-base sections the answer rests on, the best first
 * @param model    how the language model fared on this question
 * @param language what the answer is written in: a question typed in Devanagari is answered in Hindi whatever the
 *                 partner's setting, and the words around the answer should follow it
 */
public record CoachReply(String answerId, String notice, String body, List<Source> sources, Mode mode, ModelState model,
                         Language language) {

    public CoachReply {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(model, "model");
        sources = List.copyOf(sources);
    }

    /** A section named by its id (stable, for the app to link) and its title in the answer's language (to show). */
    public record Source(String id, String title) {
        public Source {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
        }
    }

    /** The notice and the body as one plain text: what the history keeps. */
    public String text() {
        return notice == null ? body : notice + "\n" + body;
    }

    public List<String> sourceIds() {
        return sources.stream().map(Source::id).toList();
    }

    public enum Mode {
        /** the language model answered, grounded in the retrieved sections */
        MODEL,
        /** the model was missing, down, busy, slow or answered garbage: the retrieved passages, said so */
        PASSAGES,
        /** a guardrail answered: outside the products, a complaint or fraud (routed to a human), a role change refused, or nothing in the guide */
        GUARDRAIL
    }

    /** The model's part in an answer. Partners are told the difference, because each asks something else of them. */
    public enum ModelState {
        /** the model answered and its answer passed the checks */
        ANSWERED,
        /** the question was answered without asking the model (a guardrail, or nothing in the guide to ground it) */
        NOT_ASKED,
        /** no model server is configured, or it does not have the coach's model: nothing will change until an operator installs one */
        NOT_INSTALLED,
        /** the configured model server did not answer the connection, or failed */
        UNAVAILABLE,
        /** every model slot was taken by other partners' questions for the whole wait, or the server said it is overloaded */
        BUSY,
        /** the model started but did not finish within the deadline */
        SLOW,
        /** the model answered, but the answer failed the checks (a promise, a figure not in the guide, garbage) */
        REJECTED
    }
}
