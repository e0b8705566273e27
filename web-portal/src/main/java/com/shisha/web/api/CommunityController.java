package com.shisha.web.api;

import com.shisha.core.Language;
import com.shisha.core.NamesInHindi;
import com.shisha.core.companion.AppJourney;
import com.shisha.core.companion.PartnerAccounts;
import com.shisha.core.journey.Journey;
import com.shisha.core.journey.JourneyEffect;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;

/** The leaderboard, following and tips: WhatsApp's TOP, FOLLOW/UNFOLLOW and TIPS. */
@RestController
@RequestMapping(path = "/api/v1/community", produces = "application/json")
@Tag(name = "community")
class CommunityController {

    static final int MAX_TIPS = 20;

    private final Me me;
    private final Journey journey;
    private final AppJourney writes;
    private final PartnerAccounts accounts;

    private final NamesInHindi names;

    CommunityController(Me me, Journey journey, AppJourney writes, PartnerAccounts accounts, NamesInHindi names) {
        this.names = names;
        this.me = me;
        this.journey = journey;
        this.writes = writes;
        this.accounts = accounts;
    }

    /** @param name the partner's name and city in the asking partner's language, like every text here */
    record LeaderView(int rank, long partnerId, String name, String city, int points, boolean followed, boolean you) {
    }

    record TipView(String id, long partnerId, String partnerName, String city, String skill, String text, String textEn, String textHi) {
    }

    record TipsView(List<TipView> tips) {
    }

    @GetMapping("/top")
    @Operation(summary = "Partners by points, optionally of one city (case-insensitive); paginated")
    PageView<LeaderView> top(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId,
                             @RequestParam(required = false) String city,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageView.check(page, size);
        if (city != null && (city.isBlank() || city.length() > 60)) {
            throw ApiException.badRequest("city must be 1 to 60 characters");
        }
        Language language = me.account(partnerId).language();
        List<Journey.Leader> leaders = journey.top(Optional.ofNullable(city).map(String::trim), (page + 1) * size + 1, partnerId);
        return PageView.slice(leaders.stream().map(l -> new LeaderView(l.rank(), l.partnerId(), names.person(language, l.name()),
                names.place(language, l.city(), null), l.points(),
                l.followed(), l.partnerId() == partnerId)).toList(), page, size);
    }

    @PutMapping("/following/{followeeId}")
    @Operation(summary = "Follow a partner (their tips come first); idempotent")
    ResponseEntity<Void> follow(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId, @PathVariable long followeeId) {
        checkFollowee(partnerId, followeeId);
        writes.apply(partnerId, List.of(new JourneyEffect.Follow(followeeId)));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/following/{followeeId}")
    @Operation(summary = "Unfollow a partner; idempotent")
    ResponseEntity<Void> unfollow(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId, @PathVariable long followeeId) {
        checkFollowee(partnerId, followeeId);
        writes.apply(partnerId, List.of(new JourneyEffect.Unfollow(followeeId)));
        return ResponseEntity.noContent().build();
    }

    private void checkFollowee(long partnerId, long followeeId) {
        me.account(partnerId);
        if (followeeId == partnerId) {
            throw ApiException.badRequest("a partner cannot follow themselves");
        }
        // only partners the leaderboard shows (onboarded) can be followed
        accounts.byId(followeeId).filter(PartnerAccounts.Account::onboarded).orElseThrow(() -> ApiException.notFound("partner " + followeeId));
    }

    @GetMapping("/tips")
    @Operation(summary = "Best practices of top partners, the followed ones first")
    TipsView tips(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId, @RequestParam(defaultValue = "5") int size) {
        if (size < 1 || size > MAX_TIPS) {
            throw ApiException.badRequest("size must be from 1 to " + MAX_TIPS);
        }
        Language language = me.account(partnerId).language();
        return new TipsView(journey.tips(partnerId, size).stream().map(t -> new TipView(t.id(), t.partnerId(),
                names.person(language, t.partnerName()), names.place(language, t.city(), null),
                t.skill().code(), language == Language.HI ? t.hi() : t.en(), t.en(), t.hi())).toList());
    }
}
