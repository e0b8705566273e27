package com.shisha.dialogs.progress;

import com.shisha.core.Language;
import com.shisha.core.journey.JourneyEffect;
import com.shisha.core.journey.Lead;
import com.shisha.core.journey.NextBestAction;
import com.shisha.core.journey.PartnerContext;
import com.shisha.core.journey.Progress;
import com.shisha.core.journey.Skill;
import com.shisha.dialogs.Money;
import com.shisha.dialogs.Strand;
import com.shisha.dialogs.Turn;
import com.shisha.dialogs.understanding.InHindi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** PROGRESS (strand, earnings, points, badges, quests) and the next best action shown under it and the menu. */
public final class ProgressDialog {

    private ProgressDialog() {
    }

    public static void show(Turn turn) {
        turn.touch();
        PartnerContext partner = turn.partner().orElseThrow();
        Progress p = turn.services().journey().progress(partner.id());
        List<String> lines = new ArrayList<>();
        lines.add(turn.text("progress.title", partner.name()));
        lines.add(p.strand().isEmpty() ? turn.text("progress.no_quiz") : Strand.render(turn, p.strand()));
        lines.add("");
        lines.add(turn.text("progress.earnings", Money.format(p.earningsThisMonth()), Money.format(p.earningsTotal())));
        lines.add(turn.text("progress.points", p.points(), p.streakDays(), p.quizzes(), p.leadsContacted(), p.sales()));
        lines.add(p.badges().isEmpty() ? turn.text("progress.no_badges")
                : turn.text("progress.badges", p.badges().stream().map(b -> b.name(turn.language())).collect(Collectors.joining(", "))));
        lines.add("");
        lines.add(turn.text("progress.quests"));
        for (Progress.QuestProgress q : p.quests()) {
            lines.add(turn.text("progress.quest", q.done() ? "✅" : "▫️", q.name(turn.language()), Math.min(q.progress(), q.target()),
                    q.target(), q.points()));
        }
        NextBestAction nba = nextBestAction(turn, partner, p);
        lines.add("");
        lines.add(turn.text("menu.nba", nba.text(turn.language())));
        turn.sayLine(String.join("\n", lines));
    }

    /** The next best action, chosen and recorded (shown under the menu until stale). */
    static NextBestAction nextBestAction(Turn turn, PartnerContext partner, Progress progress) {
        NextBestAction nba = choose(turn, partner, progress);
        turn.record(new JourneyEffect.NextBestActionChosen(nba));
        NextStepNote.of(nba, turn.services().clock().instant()).writeTo(turn.slots());
        return nba;
    }

    /** The line under the main menu: the next best action, chosen again when stale; empty before onboarding ends. */
    public static Optional<String> nextStepLine(Turn turn) {
        if (turn.services() == null) {
            return Optional.empty();
        }
        Instant now = turn.services().clock().instant();
        Optional<NextStepNote> note = NextStepNote.of(turn.slots()).filter(n -> n.fresh(now));
        if (note.isPresent()) {
            return Optional.of(turn.text("menu.nba", note.get().text(turn.language())));
        }
        Optional<PartnerContext> partner = turn.partner();
        if (partner.isEmpty()) {
            if (!turn.confirmedNow()) {
                return Optional.empty();
            }
            // the confirming turn writes the partner row, so it cannot be read yet; a new partner's first step is
            // the quiz; noted as already stale, so the next menu chooses again and records its choice
            NextBestAction first = action(turn, "TAKE_QUIZ", Map.of());
            NextStepNote.of(first, now.minus(NextStepNote.FRESH).minusSeconds(1)).writeTo(turn.slots());
            return Optional.of(turn.text("menu.nba", first.text(turn.language())));
        }
        NextBestAction nba = nextBestAction(turn, partner.get(), turn.services().journey().progress(partner.get().id()));
        return Optional.of(turn.text("menu.nba", nba.text(turn.language())));
    }

    /** The kind of the next best action last shown (TAKE_QUIZ, CALL_LEAD, ...): what a YES at the menu takes up. */
    public static Optional<String> suggested(Turn turn) {
        return NextStepNote.of(turn.slots()).map(NextStepNote::kind);
    }

    /** A quiz, an outcome or a sale changes what comes next. */
    public static void stale(Turn turn) {
        NextStepNote.stale(turn.slots());
    }

    /**
     * The next best action, in order of what moves a partner most: a first assessment, a hot lead waiting,
     * a weak skill in a product they sell, a quest nearly done, fresh leads, learning from the best.
     */
    public static NextBestAction choose(Turn turn, PartnerContext partner, Progress progress) {
        if (progress.quizzes() == 0) {
            return action(turn, "TAKE_QUIZ", Map.of());
        }
        Instant now = turn.services().clock().instant();
        Optional<Lead> hot = turn.services().journey().heldLeads(partner.id()).stream()
                .filter(l -> Duration.between(l.createdAt(), now).toDays() <= 3).findFirst();
        if (hot.isPresent()) {
            Lead lead = hot.get();
            return action(turn, "CALL_LEAD", Map.of("lead", Long.toString(lead.id())),
                    language -> new Object[]{InHindi.india().person(language, lead.firstName()),
                            turn.text(language, "product." + lead.product())});
        }
        Optional<Map.Entry<Skill, Progress.SkillScore>> weak = progress.strand().entrySet().stream()
                .filter(e -> e.getKey().product().map(partner.products()::contains).orElse(true))
                .filter(e -> e.getValue().score() < 50)
                .min(Map.Entry.comparingByValue((a, b) -> Integer.compare(a.score(), b.score())));
        if (weak.isPresent()) {
            Skill skill = weak.get().getKey();
            int score = weak.get().getValue().score();
            return action(turn, "RETAKE_QUIZ", Map.of("skill", skill.code()),
                    language -> new Object[]{turn.text(language, "skill." + skill.code()), score});
        }
        Optional<Progress.QuestProgress> close = progress.quests().stream()
                .filter(q -> !q.done() && q.target() - q.progress() <= 2 && !q.code().contains("QUIZ")).findFirst();
        if (close.isPresent()) {
            Progress.QuestProgress q = close.get();
            return action(turn, "QUEST", Map.of("quest", q.code()),
                    language -> new Object[]{q.target() - q.progress(), q.name(language)});
        }
        if (progress.leadsHeld() == 0) {
            return action(turn, "GET_LEADS", Map.of());
        }
        return action(turn, "TIPS", Map.of());
    }

    private static NextBestAction action(Turn turn, String kind, Map<String, String> params) {
        return action(turn, kind, params, language -> new Object[0]);
    }

    private static NextBestAction action(Turn turn, String kind, Map<String, String> params,
                                         Function<Language, Object[]> args) {
        return new NextBestAction(kind, params, turn.text(Language.EN, "nba." + kind, args.apply(Language.EN)),
                turn.text(Language.HI, "nba." + kind, args.apply(Language.HI)));
    }
}
