package com.shisha.web.api;

import com.shisha.core.Language;
import com.shisha.core.NamesInHindi;
import com.shisha.core.Product;
import com.shisha.core.companion.PartnerAccounts;
import com.shisha.core.journey.JourneyUpdate;
import com.shisha.core.journey.Lead;
import com.shisha.core.journey.NextBestAction;
import com.shisha.core.journey.Progress;
import com.shisha.core.journey.Skill;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The API's response bodies: stable JSON shapes, separate from the domain records they are read from. */
final class Views {

    private Views() {
    }

    /** @param cityHi the city's name in Hindi, for pages shown in Hindi; null without a city */
    record PartnerView(long id, String phone, String name, String language, String city, String cityHi, List<Product> products,
                       String email, boolean onboarded, int points, Instant createdAt) {
        static PartnerView of(PartnerAccounts.Account a, NamesInHindi names) {
            return new PartnerView(a.id(), a.phone(), a.name(), a.language().code(), a.city(),
                    a.city() == null ? null : names.place(a.city(), null), a.products(), a.email(),
                    a.onboarded(), a.points(), a.createdAt());
        }
    }

    record SessionView(String token, String tokenType, Instant expiresAt, PartnerView partner) {
        /** A new session token for the partner, as every way of signing in answers it. */
        static SessionView issue(SessionTokens tokens, PartnerAccounts.Account account, NamesInHindi names) {
            SessionTokens.Issued issued = tokens.issue(account.id());
            return new SessionView(issued.token(), "Bearer", issued.expiresAt(), PartnerView.of(account, names));
        }
    }

    /** @param score null while the skill was never assessed; skill is the code of the skills table */
    record SkillView(String skill, Integer score, Integer level, Integer previous, Integer initial) {
    }

    static List<SkillView> strand(Map<Skill, Progress.SkillScore> strand) {
        List<SkillView> skills = new ArrayList<>();
        for (Skill skill : Skill.values()) {
            Progress.SkillScore s = strand.get(skill);
            skills.add(s == null ? new SkillView(skill.code(), null, null, null, null)
                    : new SkillView(skill.code(), s.score(), s.level(), s.previous(), s.initial()));
        }
        return skills;
    }

    record EarningsView(BigDecimal thisMonth, BigDecimal total, String currency) {
    }

    record BadgeView(String code, String nameEn, String nameHi, int points) {
        static BadgeView of(Progress.Badge b) {
            return new BadgeView(b.code(), b.nameEn(), b.nameHi(), b.points());
        }
    }

    record QuestView(String code, String nameEn, String nameHi, int progress, int target, int points, boolean done) {
        static QuestView of(Progress.QuestProgress q) {
            return new QuestView(q.code(), q.nameEn(), q.nameHi(), Math.min(q.progress(), q.target()), q.target(), q.points(), q.done());
        }
    }

    record ActivityView(int quizzes, int leadsContacted, int sales, int streakDays, int leadsHeld) {
    }

    /** @param text in the partner's language */
    record ActionView(String kind, Map<String, String> params, String text, String textEn, String textHi) {
        static ActionView of(NextBestAction a, Language language) {
            return new ActionView(a.kind(), a.params(), a.text(language), a.textEn(), a.textHi());
        }
    }

    record DashboardView(PartnerView partner, List<SkillView> strand, EarningsView earnings, int points, List<BadgeView> badges,
                         List<QuestView> quests, ActivityView activity, ActionView nextBestAction) {
    }

    record AwardView(String type, String code, String nameEn, String nameHi, int points) {
        static List<AwardView> of(List<JourneyUpdate.Award> awards) {
            return awards.stream().map(a -> new AwardView(a.type().name(), a.code(), a.nameEn(), a.nameHi(), a.points())).toList();
        }
    }

    record PitchTipView(String text, String source) {
    }

    /** A lead in a list: enough to choose; the phone number comes with the lead's own page. Texts in the partner's language. */
    record LeadSummary(long id, String name, int age, String gender, String city, String state, Product product,
                       String income, String credit, String source, String note, Instant createdAt, double score,
                       boolean hot, List<String> reasons, PitchTipView pitchTip) {
    }

    record LeadDetail(long id, String name, String phone, String callUrl, String whatsappUrl, int age, String gender,
                      String city, String state, int cityTier, Product product, String income, String credit, String source,
                      String note, Instant createdAt, boolean open, PitchTipView pitchTip) {
        static LeadDetail of(Lead l, Language language, NamesInHindi names, PitchTipView tip) {
            return new LeadDetail(l.id(), names.person(language, l.name()), l.phone(), "tel:" + l.phone(),
                    "https://wa.me/" + l.phone().replace("+", ""), l.age(), String.valueOf(l.gender()), Views.city(l, language, names),
                    names.state(language, l.state()), l.cityTier(), l.product(), l.income().name(), l.credit().name(), l.source(),
                    Views.note(l, language, names), l.createdAt(), l.open(), tip);
        }
    }

    static String city(Lead l, Language language, NamesInHindi names) {
        return language == Language.HI && l.cityHi() != null ? l.cityHi() : names.place(language, l.city(), l.state());
    }

    static String note(Lead l, Language language, NamesInHindi names) {
        return language == Language.HI && l.noteHi() != null ? names.abbreviations(l.noteHi()) : l.noteEn();
    }

    /** A call to a lead through SHISHA: requested, being dialled, bridged, ended (with its length) or failed. */
    record LeadCallView(long id, long leadId, String leadName, String status, boolean recorded, Instant requestedAt,
                        Instant endedAt, Integer seconds) {
        static LeadCallView of(com.shisha.core.call.LeadCalls.LeadCall c) {
            return new LeadCallView(c.id(), c.leadId(), c.leadName(), c.status().name(), c.record(), c.requestedAt(),
                    c.endedAt(), c.seconds());
        }
    }

    /** A tip shown on a live call, with the partner's thumbs (null until given). */
    record TipView(long id, String kind, String heard, String text, String source, long atMillis, Boolean useful) {
        static TipView of(com.shisha.core.call.LeadCalls.Tip t) {
            return new TipView(t.id(), t.kind().name(), t.heard(), t.text(), t.source(), t.atMillis(), t.useful());
        }
    }

    /** What the partner's app hears on its live-call stream: {@code tip} (with the tip) or {@code ended} (with the summary). */
    record LiveEvent(String type, long callId, String leadName, TipView tip, String summary) {
        static LiveEvent of(com.shisha.core.call.LiveFeed.Event e) {
            return new LiveEvent(e.type().name().toLowerCase(java.util.Locale.ROOT), e.callId(), e.leadName(),
                    e.tip() == null ? null : TipView.of(e.tip()), e.summary());
        }
    }

    record UtteranceView(String speaker, String words, long atMillis) {
    }

    record CallDetailView(LeadCallView call, String summary, List<UtteranceView> transcript, List<TipView> tips) {
        static CallDetailView of(com.shisha.core.call.LeadCalls.Detail d, String leadName) {
            LeadCallView call = LeadCallView.of(d.call());
            return new CallDetailView(new LeadCallView(call.id(), call.leadId(), leadName, call.status(), call.recorded(),
                    call.requestedAt(), call.endedAt(), call.seconds()), d.summary(),
                    d.transcript().stream().map(u -> new UtteranceView(u.speaker().name(), u.words(), u.atMillis())).toList(),
                    d.tips().stream().map(TipView::of).toList());
        }
    }

    record OutcomeView(long leadId, String outcome, BigDecimal amount, BigDecimal commission, List<AwardView> awards) {
    }
}
