package com.shisha.dialogs.community;

import com.shisha.core.Language;
import com.shisha.core.journey.Journey;
import com.shisha.core.journey.JourneyEffect;
import com.shisha.core.journey.PartnerContext;
import com.shisha.dialogs.Turn;
import com.shisha.dialogs.understanding.InHindi;
import com.shisha.dialogs.understanding.Place;
import com.shisha.dialogs.understanding.Understood;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** TOP (optionally for a city), TIPS from top partners, FOLLOW / UNFOLLOW a partner from the TOP list. */
public final class Community {

    static final int TOP_SHOWN = 10;
    static final int TIPS_SHOWN = 3;

    private Community() {
    }

    public static void showTop(Turn turn) {
        turn.touch();
        PartnerContext partner = turn.partner().orElseThrow();
        Optional<Place> place = Optional.ofNullable(turn.understood()).map(Understood::place);
        Optional<String> city = place.map(Place::name);
        List<Journey.Leader> leaders = turn.services().journey().top(city, TOP_SHOWN, partner.id());
        String where = place.map(p -> turn.text("top.city", turn.language() == Language.HI && p.nameHi() != null
                && !p.nameHi().isEmpty() ? p.nameHi() : p.name())).orElse("");
        if (leaders.isEmpty()) {
            turn.say("top.none", where);
            return;
        }
        new TopList(leaders.stream().map(Journey.Leader::partnerId).toList()).writeTo(turn.slots());
        List<String> lines = new ArrayList<>();
        lines.add(turn.text("top.title", where));
        for (Journey.Leader l : leaders) {
            lines.add(turn.text("top.item", l.rank(), InHindi.india().person(turn.language(), l.name()),
                    InHindi.india().place(turn.language(), l.city(), null), l.points(), l.followed() ? turn.text("top.followed") : ""));
        }
        turn.sayLine(String.join("\n", lines));
        turn.say("top.footer");
    }

    public static void showTips(Turn turn) {
        turn.touch();
        PartnerContext partner = turn.partner().orElseThrow();
        List<Journey.CommunityTip> tips = turn.services().journey().tips(partner.id(), TIPS_SHOWN);
        if (tips.isEmpty()) {
            turn.say("tips.none");
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add(turn.text("tips.title"));
        for (Journey.CommunityTip tip : tips) {
            lines.add(turn.text("tips.item", turn.language() == Language.HI ? tip.hi() : tip.en(), InHindi.india().person(turn.language(), tip.partnerName()),
                    InHindi.india().place(turn.language(), tip.city(), null)));
        }
        turn.sayLine(String.join("\n\n", lines));
    }

    public static void follow(Turn turn) {
        follow(turn, true);
    }

    public static void unfollow(Turn turn) {
        follow(turn, false);
    }

    /** FOLLOW 2 (a number from the last TOP list) or FOLLOW Sunita (a name on that list or the overall top 50). */
    private static void follow(Turn turn, boolean follow) {
        turn.touch();
        PartnerContext partner = turn.partner().orElseThrow();
        String target = Optional.ofNullable(turn.understood()).map(Understood::target).orElse("").trim();
        Optional<Journey.Leader> leader = findLeader(turn, partner, target);
        if (leader.isEmpty()) {
            turn.say("follow.unknown");
            return;
        }
        if (leader.get().partnerId() == partner.id()) {
            turn.say("follow.self");
            return;
        }
        if (follow) {
            turn.record(new JourneyEffect.Follow(leader.get().partnerId()));
            turn.say("follow.done", InHindi.india().person(turn.language(), leader.get().name()));
        } else {
            turn.record(new JourneyEffect.Unfollow(leader.get().partnerId()));
            turn.say("follow.undone", InHindi.india().person(turn.language(), leader.get().name()));
        }
    }

    private static Optional<Journey.Leader> findLeader(Turn turn, PartnerContext partner, String target) {
        if (target.isEmpty()) {
            return Optional.empty();
        }
        List<Journey.Leader> leaders = turn.services().journey().top(Optional.empty(), 50, partner.id());
        if (target.matches("[0-9]{1,2}")) {
            Optional<Long> id = TopList.of(turn.slots()).at(Integer.parseInt(target));
            return id.flatMap(i -> leaders.stream().filter(l -> l.partnerId() == i).findFirst());
        }
        String needle = target.toLowerCase(Locale.ROOT);
        // a Hindi reader types the name as the list showed it to them, in Devanagari
        List<Journey.Leader> matches = leaders.stream()
                .filter(l -> l.name() != null && (l.name().toLowerCase(Locale.ROOT).contains(needle)
                        || InHindi.india().person(l.name()).contains(target)))
                .toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }
}
