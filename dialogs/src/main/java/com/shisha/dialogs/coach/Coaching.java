package com.shisha.dialogs.coach;

import com.shisha.core.Channel;
import com.shisha.core.Language;
import com.shisha.core.PartnerProfile;
import com.shisha.core.channel.ChannelFit;
import com.shisha.core.coach.CoachReply;
import com.shisha.core.coach.CoachRequest;
import com.shisha.dialogs.Turn;

import java.util.Optional;

/**
 * The coach in the dialog: questions go to the {@link com.shisha.core.coach.Coach} port, which may be slow (a
 * language model; the pipeline runs it without holding a CPU permit). The last answer's id is kept so a thumbs up
 * or down can be stored against it.
 */
public final class Coaching {

    static final String LAST_ANSWER = "coach.answer";
    /**
     * A coach answer's message, feedback line included: about one phone screen. More than that goes unread on
     * WhatsApp, so the rest waits for MORE, in pages of the same size.
     */
    public static final int MESSAGE_CHARS = 600;

    private Coaching() {
    }

    public static boolean open(Turn turn) {
        return turn.services() != null && turn.services().coach() != null;
    }

    /** Enters coach mode. */
    public static void enter(Turn turn) {
        if (!open(turn)) {
            turn.say("coach.closed");
            return;
        }
        turn.say(turn.channel() == Channel.SMS ? "coach.whatsapp_only" : "coach.intro");
    }

    public static void prompt(Turn turn) {
        turn.say(open(turn) ? "coach.prompt" : "coach.closed");
    }

    /** Answers the message, whole as typed, as a question for the coach. */
    public static void answer(Turn turn) {
        if (!open(turn)) {
            turn.say("coach.closed");
            return;
        }
        // loan and credit advice is kept off SMS by Indian rules; the coach talks about little else
        if (turn.channel() == Channel.SMS) {
            turn.say("coach.whatsapp_only");
            return;
        }
        reply(turn);
    }

    /**
     * Asks the coach and says its answer as one message of at most {@link #MESSAGE_CHARS} with the feedback line:
     * the notice, the first page of the answer (with the MORE hint when more is left) and the sources by title.
     */
    private static void reply(Turn turn) {
        String sourcesLine = "";
        // the feedback line is as long in either language, give or take a few characters: keep room for the longer
        int room = MESSAGE_CHARS - Math.max(turn.text(Language.EN, "coach.feedback_prompt").length(),
                turn.text(Language.HI, "coach.feedback_prompt").length()) - 2;
        CoachReply reply = turn.services().coach().answer(new CoachRequest(turn.key(), profile(turn), turn.language(),
                turn.raw(), room, turn.messageId()));
        Language in = reply.language();
        // the guide's Hindi keeps some abbreviations as printed in English (GST, MITC): a Hindi reader gets them in Devanagari
        var hindi = com.shisha.dialogs.understanding.InHindi.india();
        if (!reply.sources().isEmpty()) {
            sourcesLine = "\n" + turn.text(in, "coach.sources", hindi.abbreviations(in,
                    String.join("; ", reply.sources().stream().map(CoachReply.Source::title).toList())), reply.sources().size());
        }
        String text = hindi.abbreviations(in, reply.notice() == null ? reply.body() : reply.notice() + "\n" + reply.body());
        ChannelFit.Page page = ChannelFit.firstPage(text, room - sourcesLine.length(), turn.text(in, "more.footer"));
        turn.sayLine(page.page() + sourcesLine);
        turn.sayLine(turn.text(in, "coach.feedback_prompt"));
        turn.keepForMore(page.rest(), MESSAGE_CHARS);
        turn.slots().put(LAST_ANSWER, reply.answerId());
    }

    /** Compiled once: every turn of every partner asks {@link #thumbs}. */
    private static final java.util.regex.Pattern THUMBS_UP = java.util.regex.Pattern.compile("(\\x{1F44D}[\\x{1F3FB}-\\x{1F3FF}]?)+|\\+1");
    private static final java.util.regex.Pattern THUMBS_DOWN = java.util.regex.Pattern.compile("(\\x{1F44E}[\\x{1F3FB}-\\x{1F3FF}]?)+|-1");

    /** 👍 or 👎 (or +1 / -1) right after a coach answer. */
    public static Optional<Boolean> thumbs(String raw) {
        String s = raw.strip().replace("\uFE0F", "");
        if (THUMBS_UP.matcher(s).matches()) {
            return Optional.of(true);
        }
        if (THUMBS_DOWN.matcher(s).matches()) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    public static boolean answered(Turn turn) {
        return turn.slots().containsKey(LAST_ANSWER);
    }

    public static void feedback(Turn turn, boolean helpful) {
        String answerId = turn.slots().get(LAST_ANSWER);
        if (answerId == null || !open(turn)) {
            turn.say("coach.feedback_nothing");
            return;
        }
        turn.services().coach().feedback(turn.key(), answerId, helpful);
        turn.say(helpful ? "coach.feedback_up" : "coach.feedback_down");
    }

    /** The partner as onboarding stored them; null before onboarding ends (the coach then speaks generally). */
    static PartnerProfile profile(Turn turn) {
        return turn.partner().map(p -> new PartnerProfile(p.phone(), p.name(), p.language(), p.city(), p.products()))
                .orElse(null);
    }
}
