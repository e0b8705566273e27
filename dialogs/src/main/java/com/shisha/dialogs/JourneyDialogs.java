package com.shisha.dialogs;

import com.shisha.core.Channel;
import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.journey.Journey;
import com.shisha.core.journey.JourneyEffect;
import com.shisha.core.journey.Lead;
import com.shisha.core.journey.LeadMatcher;
import com.shisha.core.journey.NextBestAction;
import com.shisha.core.journey.PartnerContext;
import com.shisha.core.journey.Progress;
import com.shisha.core.journey.QuizQuestion;
import com.shisha.core.journey.Skill;
import com.shisha.core.journey.SkillScoring;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The journey after onboarding: quiz, leads, progress, community. The state machine decides which of these
 * runs; this class does the work and the wording. Dialog state lives in slots (quiz position, the leads on
 * screen), so a turn needs nothing but the conversation row and the journey port.
 */
final class JourneyDialogs {

    static final int QUIZ_LENGTH = 10;
    static final int LEADS_SHOWN = 3;
    static final int TOP_SHOWN = 10;
    static final int TIPS_SHOWN = 3;
    /** The menu's next best action is recomputed when older than this (and after quizzes and outcomes). */
    static final Duration NBA_FRESH = Duration.ofHours(1);

    static final String QUIZ_IDS = "quiz.ids";
    static final String QUIZ_POS = "quiz.pos";
    static final String QUIZ_ANSWERS = "quiz.answers";
    static final String QUIZ_STARTED = "quiz.started";
    static final String LEAD_IDS = "leads.ids";
    static final String LEAD_ID = "lead.id";
    static final String TOP_IDS = "top.ids";
    static final String NBA_EN = "nba.en";
    static final String NBA_HI = "nba.hi";
    static final String NBA_AT = "nba.at";

    private JourneyDialogs() {
    }

    // ------------------------------------------------------------------ quiz

    static void startOrResumeQuiz(Turn turn) {
        turn.journeyTouched = true;
        if (turn.has(QUIZ_IDS) && position(turn) < quizIds(turn).size()) {
            turn.say("quiz.resume");
            askQuestion(turn);
            return;
        }
        PartnerContext partner = turn.partner().orElseThrow();
        Instant now = turn.services.clock().instant();
        // seeded per partner and start time: a run is reproducible from the slots, yet differs between retakes
        Random random = new Random(partner.id() * 31 + now.toEpochMilli());
        List<QuizQuestion> run = turn.services.quizBank().draw(QUIZ_LENGTH, random, partner.skills());
        turn.slots.put(QUIZ_IDS, run.stream().map(QuizQuestion::id).collect(Collectors.joining(",")));
        turn.slots.put(QUIZ_POS, "0");
        turn.slots.put(QUIZ_ANSWERS, "");
        turn.slots.put(QUIZ_STARTED, Long.toString(now.toEpochMilli()));
        turn.say("quiz.start", run.size());
        askQuestion(turn);
    }

    static void askQuestion(Turn turn) {
        List<String> ids = quizIds(turn);
        int pos = position(turn);
        QuizQuestion q = question(turn, ids.get(pos));
        QuizQuestion.Text text = q.text(turn.language);
        List<String> o = text.options();
        turn.say("quiz.question", pos + 1, ids.size(), skillName(turn, q.skill()), text.question(),
                o.get(0), o.get(1), o.get(2), o.get(3));
        Taps.quizOptions(turn, o);
    }

    /** Guard: is this a readable answer to the current question? */
    static boolean readAnswer(Turn turn) {
        if (CoachDialogs.coachOpen(turn) && CoachDialogs.looksLikeQuestion(turn.raw)) {
            return false; // "which documents does KYC need?" shares words with an option, but it is a question
        }
        QuizQuestion q = question(turn, quizIds(turn).get(position(turn)));
        return Input.option(turn.text, q.text(turn.language).options()).map(chosen -> {
            turn.chosenOption = chosen;
            return true;
        }).orElse(false);
    }

    /** Not journey work by itself: the run is written once, when it ends, so answering costs one statement. */
    static void recordAnswer(Turn turn) {
        QuizQuestion q = question(turn, quizIds(turn).get(position(turn)));
        QuizQuestion.Text text = q.text(turn.language);
        if (turn.chosenOption == q.answer()) {
            turn.say("quiz.right", text.explanation());
        } else {
            turn.say("quiz.wrong", QuizQuestion.letter(q.answer()), text.options().get(q.answer()), text.explanation());
        }
        turn.slots.put(QUIZ_ANSWERS, turn.slots.get(QUIZ_ANSWERS) + QuizQuestion.letter(turn.chosenOption));
        turn.slots.put(QUIZ_POS, Integer.toString(position(turn) + 1));
    }

    static boolean quizFinished(Turn turn) {
        return position(turn) >= quizIds(turn).size();
    }

    static void finishQuiz(Turn turn) {
        PartnerContext partner = turn.partner().orElseThrow();
        List<String> ids = quizIds(turn);
        String letters = turn.slots.get(QUIZ_ANSWERS);
        List<JourneyEffect.Answer> answers = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            QuizQuestion q = question(turn, ids.get(i));
            char chosen = letters.charAt(i);
            answers.add(new JourneyEffect.Answer(q.id(), q.skill(), chosen, chosen == QuizQuestion.letter(q.answer())));
        }
        Map<Skill, Integer> scores = SkillScoring.newScores(answers, partner.skills());
        turn.journeyTouched = true;
        turn.effects.add(new JourneyEffect.QuizCompleted(Instant.ofEpochMilli(Long.parseLong(turn.slots.get(QUIZ_STARTED))),
                answers, scores));
        long right = answers.stream().filter(JourneyEffect.Answer::correct).count();
        turn.say("quiz.done", right, answers.size());
        Map<Skill, Progress.SkillScore> strand = new EnumMap<>(Skill.class);
        for (Skill skill : Skill.values()) {
            Integer before = partner.skills().get(skill);
            Integer after = scores.getOrDefault(skill, before);
            if (after != null) {
                strand.put(skill, new Progress.SkillScore(after, Skill.level(after), scores.containsKey(skill) ? before : null,
                        before == null ? after : before));
            }
        }
        turn.say("quiz.strand_title");
        turn.sayLine(strand(turn, strand));
        turn.say("quiz.after");
        clearQuiz(turn);
        turn.slots.remove(NBA_AT); // the quiz changes what comes next
    }

    static void clearQuiz(Turn turn) {
        turn.slots.remove(QUIZ_IDS);
        turn.slots.remove(QUIZ_POS);
        turn.slots.remove(QUIZ_ANSWERS);
        turn.slots.remove(QUIZ_STARTED);
    }

    /** One bar per skill of the strand, with the change of the last assessment when there was one. */
    static String strand(Turn turn, Map<Skill, Progress.SkillScore> strand) {
        List<String> lines = new ArrayList<>();
        for (Skill skill : Skill.values()) {
            Progress.SkillScore s = strand.get(skill);
            if (s == null) {
                lines.add(turn.text("quiz.strand_none", skillName(turn, skill)));
                continue;
            }
            String change = "";
            if (s.previous() != null && s.previous() != s.score()) {
                int delta = s.score() - s.previous();
                change = turn.text(delta > 0 ? "quiz.change_up" : "quiz.change_down", Math.abs(delta));
            }
            lines.add(turn.text("quiz.strand_line", skillName(turn, skill), SkillScoring.bar(s.score()), s.score(), change));
        }
        return String.join("\n", lines);
    }

    private static QuizQuestion question(Turn turn, String id) {
        return turn.services.quizBank().byId(id)
                .orElseThrow(() -> new IllegalStateException("quiz question " + id + " is no longer in the bank"));
    }

    static List<String> quizIds(Turn turn) {
        String ids = turn.slots.get(QUIZ_IDS);
        return ids == null || ids.isEmpty() ? List.of() : Arrays.asList(ids.split(","));
    }

    static int position(Turn turn) {
        return Integer.parseInt(turn.slots.getOrDefault(QUIZ_POS, "0"));
    }

    // ------------------------------------------------------------------ leads

    static void showLeads(Turn turn) {
        showLeads(turn, null);
    }

    /** @param closing null for LEADS; after an outcome, the leads this turn closes (possibly none) */
    private static void showLeads(Turn turn, java.util.Set<Long> closing) {
        turn.journeyTouched = true;
        turn.slots.remove(LEAD_ID);
        PartnerContext partner = turn.partner().orElseThrow();
        // after an outcome the partner's own leads are listed again; LEADS itself looks at the whole pool
        List<LeadMatcher.Ranked> offered = closing == null
                ? turn.services.matcher().offer(partner, LEADS_SHOWN)
                : turn.services.matcher().current(partner, LEADS_SHOWN, closing);
        if (offered.isEmpty()) {
            turn.slots.remove(LEAD_IDS);
            turn.say("leads.none");
            return;
        }
        // after an outcome the list is mostly the partner's own leads, offered already: record only new ones
        List<Long> newlyOffered = offered.stream()
                .filter(r -> closing == null || !Long.valueOf(partner.id()).equals(r.lead().assignedTo()))
                .map(r -> r.lead().id()).toList();
        if (!newlyOffered.isEmpty()) {
            turn.effects.add(new JourneyEffect.LeadsOffered(newlyOffered));
        }
        turn.slots.put(LEAD_IDS, offered.stream().map(r -> Long.toString(r.lead().id())).collect(Collectors.joining(",")));
        List<String> lines = new ArrayList<>();
        lines.add(turn.text("leads.title"));
        Instant now = turn.services.clock().instant();
        for (int i = 0; i < offered.size(); i++) {
            Lead lead = offered.get(i).lead();
            long days = Math.max(0, Duration.between(lead.createdAt(), now).toDays());
            String fresh = days == 0 ? turn.text("leads.fresh_today") : turn.text("leads.fresh_days", days);
            String heat = offered.get(i).score().value() >= 0.7 ? turn.text("leads.hot") + " · " + fresh : fresh;
            lines.add(turn.text("leads.item", i + 1, lead.name(), lead.age(), productName(turn, lead.product()),
                    city(turn, lead), heat, turn.text("source." + lead.source())));
            pitch(turn, lead, partner).ifPresent(tip -> lines.add(turn.text("leads.tip", tip)));
        }
        turn.sayLine(String.join("\n", lines));
        turn.say("leads.footer", offered.size() == 1 ? "1" : "1-" + offered.size());
        Taps.leads(turn, offered.stream().map(r -> r.lead().name()).toList());
    }

    /** Guard: a number from the list on screen that is still this partner's lead. */
    static boolean readLeadChoice(Turn turn) {
        List<String> ids = leadIds(turn);
        Optional<Integer> n = Input.choice(turn.text, Math.max(1, ids.size()));
        if (n.isEmpty() || ids.isEmpty()) {
            return false;
        }
        long id = Long.parseLong(ids.get(n.get() - 1));
        Optional<Lead> lead = turn.services.journey().heldLead(turn.partner().orElseThrow().id(), id);
        if (lead.isEmpty() || !lead.get().open()) {
            turn.leadGone = true;
            return false;
        }
        turn.lead = lead.get();
        return true;
    }

    static void showLead(Turn turn) {
        Lead lead = turn.lead;
        turn.slots.put(LEAD_ID, Long.toString(lead.id()));
        List<String> lines = new ArrayList<>();
        lines.add(turn.text("lead.detail", lead.name(), productName(turn, lead.product()), lead.age(),
                turn.text("income." + lead.income()), turn.text("credit." + lead.credit()), city(turn, lead), lead.state(),
                lead.cityTier(), turn.text("source." + lead.source())));
        String note = turn.language == Language.HI && lead.noteHi() != null ? lead.noteHi() : lead.noteEn();
        if (note != null) {
            lines.add(turn.text("lead.note", note));
        }
        lines.add(turn.text("lead.links", lead.phone(), lead.phone().replace("+", "")));
        pitch(turn, lead, turn.partner().orElseThrow()).ifPresent(tip -> lines.add(turn.text("lead.pitch", tip)));
        turn.sayLine(String.join("\n", lines));
        turn.say("lead.outcome_prompt");
    }

    static void leadChoiceInvalid(Turn turn) {
        if (turn.leadGone) {
            turn.say("leads.gone");
            showLeads(turn);
        } else {
            turn.say("leads.invalid");
        }
    }

    /** Guard: an outcome for the lead on screen. */
    static boolean readOutcome(Turn turn) {
        if (CoachDialogs.coachOpen(turn) && CoachDialogs.looksLikeQuestion(turn.raw)) {
            return false; // "should I mark him interested?" asks, it does not report
        }
        var u = turn.understood;
        if (u == null || u.intent() != com.shisha.dialogs.understanding.Intent.OUTCOME || u.outcome() == null) {
            return false;
        }
        turn.outcome = u.outcome();
        return true;
    }

    static void recordOutcome(Turn turn) {
        long leadId = Long.parseLong(turn.slots.get(LEAD_ID));
        Lead lead = turn.services.journey().heldLead(turn.partner().orElseThrow().id(), leadId).orElse(null);
        turn.journeyTouched = true;
        if (lead != null) {
            turn.effects.add(new JourneyEffect.LeadOutcome(leadId, turn.outcome, null));
            turn.say("lead.logged", turn.text("outcome." + turn.outcome), lead.firstName());
        }
        turn.slots.remove(NBA_AT);
        showLeads(turn, turn.outcome.closes() ? java.util.Set.of(leadId) : java.util.Set.of());
    }

    static boolean readAmount(Turn turn) {
        var u = turn.understood;
        if (u == null || u.intent() != com.shisha.dialogs.understanding.Intent.AMOUNT || u.amount() == null) {
            return false;
        }
        turn.amount = u.amount();
        return true;
    }

    static void recordSale(Turn turn) {
        long leadId = Long.parseLong(turn.slots.get(LEAD_ID));
        PartnerContext partner = turn.partner().orElseThrow();
        Optional<Lead> lead = turn.services.journey().heldLead(partner.id(), leadId);
        turn.journeyTouched = true;
        if (lead.isPresent() && lead.get().open()) {
            turn.effects.add(new JourneyEffect.LeadOutcome(leadId, JourneyEffect.OutcomeKind.SOLD, turn.amount));
            BigDecimal commission = turn.services.journey().commission(lead.get().product(), turn.amount);
            turn.say("lead.sold", Money.format(turn.amount), lead.get().firstName(), Money.format(commission));
        } else {
            turn.say("leads.gone");
        }
        turn.slots.remove(NBA_AT);
        showLeads(turn, java.util.Set.of(leadId));
    }

    private static Optional<String> pitch(Turn turn, Lead lead, PartnerContext partner) {
        // Indian rules keep loan and credit pitches off SMS: those are given on WhatsApp only
        if (turn.channel == Channel.SMS && (lead.product() == Product.LOANS || lead.product() == Product.CREDIT_CARDS)) {
            return Optional.of(turn.text("sms.pitch_withheld"));
        }
        return turn.services.pitchTips().tip(lead, partner, turn.language).map(t -> t.text());
    }

    static List<String> leadIds(Turn turn) {
        String ids = turn.slots.get(LEAD_IDS);
        return ids == null || ids.isEmpty() ? List.of() : Arrays.asList(ids.split(","));
    }

    private static String city(Turn turn, Lead lead) {
        return turn.language == Language.HI && lead.cityHi() != null ? lead.cityHi() : lead.city();
    }

    // ------------------------------------------------------------------ progress and next best action

    static void showProgress(Turn turn) {
        turn.journeyTouched = true;
        PartnerContext partner = turn.partner().orElseThrow();
        Progress p = turn.services.journey().progress(partner.id());
        List<String> lines = new ArrayList<>();
        lines.add(turn.text("progress.title", partner.name()));
        lines.add(p.strand().isEmpty() ? turn.text("progress.no_quiz") : strand(turn, p.strand()));
        lines.add("");
        lines.add(turn.text("progress.earnings", Money.format(p.earningsThisMonth()), Money.format(p.earningsTotal())));
        lines.add(turn.text("progress.points", p.points(), p.streakDays(), p.quizzes(), p.leadsContacted(), p.sales()));
        lines.add(p.badges().isEmpty() ? turn.text("progress.no_badges")
                : turn.text("progress.badges", p.badges().stream().map(b -> b.name(turn.language)).collect(Collectors.joining(", "))));
        lines.add("");
        lines.add(turn.text("progress.quests"));
        for (Progress.QuestProgress q : p.quests()) {
            lines.add(turn.text("progress.quest", q.done() ? "✅" : "▫️", q.name(turn.language), Math.min(q.progress(), q.target()),
                    q.target(), q.points()));
        }
        NextBestAction nba = nextBestAction(turn, partner, p);
        lines.add("");
        lines.add(turn.text("menu.nba", nba.text(turn.language)));
        turn.sayLine(String.join("\n", lines));
    }

    /**
     * The next best action, in order of what moves a partner most: a first assessment, a hot lead waiting,
     * a weak skill in a product they sell, a quest nearly done, fresh leads, learning from the best.
     */
    static NextBestAction nextBestAction(Turn turn, PartnerContext partner, Progress progress) {
        NextBestAction nba = chooseNextBestAction(turn, partner, progress);
        turn.effects.add(new JourneyEffect.NextBestActionChosen(nba));
        turn.slots.put(NBA_EN, nba.textEn());
        turn.slots.put(NBA_HI, nba.textHi());
        turn.slots.put(NBA_AT, Long.toString(turn.services.clock().millis()));
        turn.journeyTouched = true;
        return nba;
    }

    static NextBestAction chooseNextBestAction(Turn turn, PartnerContext partner, Progress progress) {
        if (progress.quizzes() == 0) {
            return action(turn, "TAKE_QUIZ", Map.of());
        }
        Instant now = turn.services.clock().instant();
        Optional<Lead> hot = turn.services.journey().heldLeads(partner.id()).stream()
                .filter(l -> Duration.between(l.createdAt(), now).toDays() <= 3).findFirst();
        if (hot.isPresent()) {
            Lead lead = hot.get();
            return action(turn, "CALL_LEAD", Map.of("lead", Long.toString(lead.id())),
                    language -> new Object[]{lead.firstName(), turn.catalogueText(language, "product." + lead.product())});
        }
        Optional<Map.Entry<Skill, Progress.SkillScore>> weak = progress.strand().entrySet().stream()
                .filter(e -> e.getKey().product().map(partner.products()::contains).orElse(true))
                .filter(e -> e.getValue().score() < 50)
                .min(Map.Entry.comparingByValue((a, b) -> Integer.compare(a.score(), b.score())));
        if (weak.isPresent()) {
            Skill skill = weak.get().getKey();
            int score = weak.get().getValue().score();
            return action(turn, "RETAKE_QUIZ", Map.of("skill", skill.code()),
                    language -> new Object[]{turn.catalogueText(language, "skill." + skill.code()), score});
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
                                         java.util.function.Function<Language, Object[]> args) {
        return new NextBestAction(kind, params, turn.catalogueText(Language.EN, "nba." + kind, args.apply(Language.EN)),
                turn.catalogueText(Language.HI, "nba." + kind, args.apply(Language.HI)));
    }

    /** Lines under the main menu: a paused quiz, and the next best action (refreshed when stale). */
    static void menuExtras(Turn turn) {
        if (turn.has(QUIZ_IDS)) {
            turn.say("menu.quiz_paused", position(turn) + 1, quizIds(turn).size());
        }
        if (turn.services == null) {
            return;
        }
        long at = Long.parseLong(turn.slots.getOrDefault(NBA_AT, "0"));
        String text = turn.slots.get(turn.language == Language.HI ? NBA_HI : NBA_EN);
        if (text == null || turn.services.clock().millis() - at > NBA_FRESH.toMillis()) {
            Optional<PartnerContext> partner = turn.partner();
            if (partner.isEmpty()) {
                return; // the confirming turn: the partner row is written by this very turn
            }
            text = nextBestAction(turn, partner.get(), turn.services.journey().progress(partner.get().id())).text(turn.language);
        }
        turn.say("menu.nba", text);
    }

    // ------------------------------------------------------------------ community

    static void showTop(Turn turn) {
        turn.journeyTouched = true;
        PartnerContext partner = turn.partner().orElseThrow();
        String cityArg = turn.argument == null ? "" : turn.argument.trim();
        Optional<String> city = cityArg.isEmpty() ? Optional.empty() : Optional.of(cityArg);
        List<Journey.Leader> leaders = turn.services.journey().top(city, TOP_SHOWN, partner.id());
        String where = city.map(c -> turn.text("top.city", c)).orElse("");
        if (leaders.isEmpty()) {
            turn.say("top.none", where);
            return;
        }
        turn.slots.put(TOP_IDS, leaders.stream().map(l -> Long.toString(l.partnerId())).collect(Collectors.joining(",")));
        List<String> lines = new ArrayList<>();
        lines.add(turn.text("top.title", where));
        for (Journey.Leader l : leaders) {
            lines.add(turn.text("top.item", l.rank(), l.name(), l.city(), l.points(), l.followed() ? turn.text("top.followed") : ""));
        }
        turn.sayLine(String.join("\n", lines));
        turn.say("top.footer");
    }

    static void showTips(Turn turn) {
        turn.journeyTouched = true;
        PartnerContext partner = turn.partner().orElseThrow();
        List<Journey.CommunityTip> tips = turn.services.journey().tips(partner.id(), TIPS_SHOWN);
        if (tips.isEmpty()) {
            turn.say("tips.none");
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add(turn.text("tips.title"));
        for (Journey.CommunityTip tip : tips) {
            lines.add(turn.text("tips.item", turn.language == Language.HI ? tip.hi() : tip.en(), tip.partnerName(), tip.city()));
        }
        turn.sayLine(String.join("\n\n", lines));
    }

    /** FOLLOW 2 (a number from the last TOP list) or FOLLOW Sunita (a name on that list or the overall top 50). */
    static void follow(Turn turn, boolean follow) {
        turn.journeyTouched = true;
        PartnerContext partner = turn.partner().orElseThrow();
        String arg = turn.argument == null ? "" : turn.argument.trim();
        Optional<Journey.Leader> target = findLeader(turn, partner, arg);
        if (target.isEmpty()) {
            turn.say("follow.unknown");
            return;
        }
        if (target.get().partnerId() == partner.id()) {
            turn.say("follow.self");
            return;
        }
        if (follow) {
            turn.effects.add(new JourneyEffect.Follow(target.get().partnerId()));
            turn.say("follow.done", target.get().name());
        } else {
            turn.effects.add(new JourneyEffect.Unfollow(target.get().partnerId()));
            turn.say("follow.undone", target.get().name());
        }
    }

    private static Optional<Journey.Leader> findLeader(Turn turn, PartnerContext partner, String arg) {
        if (arg.isEmpty()) {
            return Optional.empty();
        }
        List<Journey.Leader> leaders = turn.services.journey().top(Optional.empty(), 50, partner.id());
        if (arg.matches("[0-9]{1,2}")) {
            List<String> shown = Arrays.asList(turn.slots.getOrDefault(TOP_IDS, "").split(","));
            int n = Integer.parseInt(arg);
            if (n < 1 || n > shown.size() || shown.get(0).isEmpty()) {
                return Optional.empty();
            }
            long id = Long.parseLong(shown.get(n - 1));
            return leaders.stream().filter(l -> l.partnerId() == id).findFirst();
        }
        String needle = arg.toLowerCase(java.util.Locale.ROOT);
        List<Journey.Leader> matches = leaders.stream()
                .filter(l -> l.name() != null && l.name().toLowerCase(java.util.Locale.ROOT).contains(needle)).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    // ------------------------------------------------------------------ wording helpers

    static String skillName(Turn turn, Skill skill) {
        return turn.text("skill." + skill.code());
    }

    static String productName(Turn turn, Product product) {
        return turn.text("product." + product.name());
    }
}
