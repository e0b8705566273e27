package com.shisha.web.api;

import com.shisha.core.NamesInHindi;
import com.shisha.core.companion.AppJourney;
import com.shisha.core.companion.PartnerAccounts;
import com.shisha.core.journey.Journey;
import com.shisha.core.journey.NextBestAction;
import com.shisha.core.journey.NextBestActions;
import com.shisha.core.journey.PartnerContext;
import com.shisha.core.journey.Progress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The partner's standing: the same data, through the same port, as WhatsApp's PROGRESS. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "progress")
class DashboardController {

    /** Before the profile is complete there is only one sensible next step. */
    static final NextBestAction COMPLETE_PROFILE = new NextBestAction("COMPLETE_PROFILE", Map.of(),
            "Complete your profile: name, city and the products you sell.",
            "अपनी प्रोफ़ाइल पूरी करें: नाम, शहर और आप कौन-से प्रोडक्ट बेचते हैं।");

    private final Me me;
    private final Journey journey;
    private final NextBestActions nextBestActions;
    private final AppJourney appJourney;
    private final NamesInHindi names;

    DashboardController(Me me, Journey journey, NextBestActions nextBestActions, AppJourney appJourney, NamesInHindi names) {
        this.names = names;
        this.me = me;
        this.journey = journey;
        this.nextBestActions = nextBestActions;
        this.appJourney = appJourney;
    }

    /** @param badges the ones earned; achievements: every badge there is, earned or still to earn */
    record AchievementsView(int points, List<Views.BadgeView> badges, List<AchievementView> achievements) {
    }

    record AchievementView(String code, String nameEn, String nameHi, String metric, int threshold, int points, boolean earned,
                           java.time.Instant awardedAt) {
    }

    record QuestsView(List<Views.QuestView> quests) {
    }

    @GetMapping("/dashboard")
    @Operation(summary = "Strand (per-skill scores), earnings, points, badges, this week's quests, activity and the next best action")
    Views.DashboardView dashboard(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId) {
        PartnerAccounts.Account account = me.account(partnerId);
        Progress p = journey.progress(partnerId);
        Optional<PartnerContext> context = journey.partner(account.phone()).filter(c -> c.id() == partnerId);
        NextBestAction next = context.map(c -> nextBestActions.next(c, p)).orElse(COMPLETE_PROFILE);
        return new Views.DashboardView(Views.PartnerView.of(account, names), Views.strand(p.strand()),
                new Views.EarningsView(p.earningsThisMonth(), p.earningsTotal(), "INR"), p.points(),
                p.badges().stream().map(Views.BadgeView::of).toList(), p.quests().stream().map(Views.QuestView::of).toList(),
                new Views.ActivityView(p.quizzes(), p.leadsContacted(), p.sales(), p.streakDays(), p.leadsHeld()),
                Views.ActionView.of(next, account.language()));
    }

    @GetMapping("/achievements")
    @Operation(summary = "Points, badges earned, and every badge there is with what it takes (metric, threshold)")
    AchievementsView achievements(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId) {
        me.account(partnerId);
        Progress p = journey.progress(partnerId);
        return new AchievementsView(p.points(), p.badges().stream().map(Views.BadgeView::of).toList(),
                appJourney.achievements(partnerId).stream().map(a -> new AchievementView(a.code(), a.nameEn(), a.nameHi(),
                        a.metric(), a.threshold(), a.points(), a.earned(), a.awardedAt())).toList());
    }

    @GetMapping("/quests")
    @Operation(summary = "This week's quests with progress (weeks start on Monday, India time)")
    QuestsView quests(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId) {
        me.account(partnerId);
        return new QuestsView(journey.progress(partnerId).quests().stream().map(Views.QuestView::of).toList());
    }
}
