package com.shisha.dialogs.leads;

import com.shisha.core.Channel;
import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.dialog.Choices;
import com.shisha.core.dialog.Choices.Choice;
import com.shisha.core.journey.JourneyEffect;
import com.shisha.core.journey.JourneyEffect.OutcomeKind;
import com.shisha.core.journey.Lead;
import com.shisha.core.journey.LeadMatcher;
import com.shisha.core.journey.PartnerContext;
import com.shisha.dialogs.Money;
import com.shisha.dialogs.Turn;
import com.shisha.dialogs.understanding.Answers;
import com.shisha.dialogs.understanding.InHindi;
import com.shisha.dialogs.understanding.Intent;
import com.shisha.dialogs.understanding.Understood;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Leads: the partner's top leads (ranked, reserved to them), one opened with its details and pitch, how the call
 * went, and the sale amount when it sold.
 */
public final class Leads {

    static final int SHOWN = 3;

    private Leads() {
    }

    /** A lead picked from the list that is no longer the partner's (it expired), or that they closed already. */
    private record Gone(boolean closed) {
    }

    public static void show(Turn turn) {
        show(turn, null);
    }

    /**
     * Words that ask for another list rather than the one on screen ("new leads", "aur leads", "नई लीड").
     * A modifier of LEADS, not an intent of its own: whatever the classifier calls the message, these decide
     * whether the numbers on screen are given new meanings.
     */
    private static final Set<String> FRESH = Set.of("new", "fresh", "refresh", "more", "other", "others", "another",
            "next", "different", "naye", "naya", "nayi", "nai", "nae", "aur", "dusre", "doosre", "dusri", "agle", "badlo",
            "नए", "नये", "नई", "नयी", "और", "दूसरे", "दूसरी", "अगले", "ताज़ा", "ताजा", "बदलो");

    /** Whether the partner asked for a fresh list (or picked the refresh choice). */
    static boolean wantsFresh(Turn turn) {
        String text = turn.input() == null ? "" : turn.input().toLowerCase(java.util.Locale.ROOT);
        for (String word : text.split("[^\\p{L}\\p{M}]+")) {
            if (FRESH.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param closing null for LEADS; after an outcome, the leads this turn closes (possibly none)
     */
    private static void show(Turn turn, Set<Long> closing) {
        turn.touch();
        PartnerContext partner = turn.partner().orElseThrow();
        LeadsOnScreen screen = LeadsOnScreen.of(turn.slots());
        Set<Long> closedNow = closing == null ? Set.of() : closing;
        // the list on screen stays while any lead on it is still open: "3" keeps opening the same person
        if (!screen.listed().isEmpty() && (closing != null || !wantsFresh(turn))) {
            List<LeadMatcher.Ranked> listed = turn.services().matcher().listed(partner, screen.listed());
            boolean anyOpen = listed.stream().anyMatch(r -> r.lead().open() && !closedNow.contains(r.lead().id()));
            if (anyOpen) {
                LeadsOnScreen.listing(screen.listed()).writeTo(turn.slots());
                render(turn, partner, screen.listed(), listed, closedNow);
                return;
            }
        }
        // asked for new leads: not the ones just seen (they stay held, and come back when the new ones are worked)
        Set<Long> notAgain = new java.util.HashSet<>(closedNow);
        if (closing == null) {
            notAgain.addAll(screen.listed());
        }
        List<LeadMatcher.Ranked> offered = turn.services().matcher().offer(partner, SHOWN, notAgain);
        if (offered.isEmpty() && notAgain.size() > closedNow.size()) {
            offered = turn.services().matcher().offer(partner, SHOWN, closedNow);
        }
        if (offered.isEmpty()) {
            LeadsOnScreen.listing(List.of()).writeTo(turn.slots());
            turn.say("leads.none");
            return;
        }
        // leads the partner held already were recorded as offered when first shown
        List<Long> newlyOffered = offered.stream()
                .filter(r -> !Long.valueOf(partner.id()).equals(r.lead().assignedTo()))
                .map(r -> r.lead().id()).toList();
        if (!newlyOffered.isEmpty()) {
            turn.record(new JourneyEffect.LeadsOffered(newlyOffered));
        }
        List<Long> ids = offered.stream().map(r -> r.lead().id()).toList();
        LeadsOnScreen.listing(ids).writeTo(turn.slots());
        render(turn, partner, ids, offered, closedNow);
    }

    /** The list with each lead at its own number; a lead no longer held leaves a gap rather than renumbering the rest. */
    private static void render(Turn turn, PartnerContext partner, List<Long> ids, List<LeadMatcher.Ranked> leads,
                               Set<Long> closedNow) {
        java.util.Map<Long, LeadMatcher.Ranked> byId = new java.util.HashMap<>();
        leads.forEach(r -> byId.put(r.lead().id(), r));
        List<String> lines = new ArrayList<>();
        lines.add(turn.text("leads.title"));
        Instant now = turn.services().clock().instant();
        List<Choice> items = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            LeadMatcher.Ranked ranked = byId.get(ids.get(i));
            if (ranked == null) {
                continue;
            }
            Lead lead = ranked.lead();
            if (!lead.open() || closedNow.contains(lead.id())) {
                lines.add(turn.text("leads.item_done", i + 1, name(turn, lead.name())));
                continue;
            }
            long days = Math.max(0, Duration.between(lead.createdAt(), now).toDays());
            String fresh = days == 0 ? turn.text("leads.fresh_today") : turn.text("leads.fresh_days", days);
            String heat = ranked.score().value() >= 0.7 ? turn.text("leads.hot") + " · " + fresh : fresh;
            lines.add(turn.text("leads.item", i + 1, name(turn, lead.name()), lead.age(), productName(turn, lead.product()),
                    city(turn, lead), heat, turn.text("source." + lead.source())));
            pitch(turn, lead, partner).ifPresent(tip -> lines.add(turn.text("leads.tip", tip)));
            if (items.size() < Choices.MAX_LIST_ITEMS - 1) {
                // the same titles for everyone ("Lead 1"): each distinct set of choices is a content of its own at Twilio
                items.add(new Choice("lead:" + (i + 1), turn.text("choice.lead", i + 1)));
            }
        }
        turn.sayLine(String.join("\n", lines));
        turn.say("leads.footer", ids.size() == 1 ? "1" : "1-" + ids.size());
        items.add(new Choice("lead:new leads", turn.text("choice.new_leads")));
        turn.offer(Choices.list(turn.text("choice.open_lead"), items));
    }

    /** Guard: a number from the list on screen that is still this partner's lead. */
    public static boolean readChoice(Turn turn) {
        LeadsOnScreen screen = LeadsOnScreen.of(turn.slots());
        Optional<Long> id = Answers.choice(turn.input(), Math.max(1, screen.listed().size())).flatMap(screen::at);
        if (id.isEmpty()) {
            return false;
        }
        Optional<Lead> lead = turn.services().journey().heldLead(turn.partner().orElseThrow().id(), id.get());
        if (lead.isEmpty() || !lead.get().open()) {
            turn.keep(Gone.class, new Gone(lead.isPresent()));
            return false;
        }
        turn.keep(Lead.class, lead.get());
        return true;
    }

    public static void open(Turn turn) {
        Lead lead = turn.kept(Lead.class).orElseThrow();
        LeadsOnScreen.of(turn.slots()).open(lead.id()).writeTo(turn.slots());
        List<String> lines = new ArrayList<>();
        lines.add(turn.text("lead.detail", name(turn, lead.name()), productName(turn, lead.product()), lead.age(),
                turn.text("income." + lead.income()), turn.text("credit." + lead.credit()), city(turn, lead), InHindi.india().state(turn.language(), lead.state()),
                lead.cityTier(), turn.text("source." + lead.source())));
        String note = turn.language() == Language.HI && lead.noteHi() != null ? lead.noteHi() : lead.noteEn();
        if (note != null) {
            lines.add(turn.text("lead.note", InHindi.india().abbreviations(turn.language(), note)));
        }
        lines.add(turn.text("lead.links", lead.phone(), lead.phone().replace("+", "")));
        pitch(turn, lead, turn.partner().orElseThrow()).ifPresent(tip -> lines.add(turn.text("lead.pitch", tip)));
        turn.sayLine(String.join("\n", lines));
        askOutcome(turn);
    }

    public static void askOutcome(Turn turn) {
        turn.say("lead.outcome_prompt");
        List<Choice> items = new ArrayList<>();
        for (int i = 1; i <= OutcomeKind.values().length; i++) {
            items.add(new Choice("outcome:" + i, turn.text("choice.outcome." + i)));
        }
        if (callsOpen(turn)) {
            turn.say("lead.call_options");
            items.add(new Choice("leadcall:" + RECORDED, turn.text("choice.call_recorded")));
            items.add(new Choice("leadcall:" + UNRECORDED, turn.text("choice.call_unrecorded")));
        }
        turn.offer(Choices.list(turn.text("choice.choose"), items));
    }

    private static final String RECORDED = "rec";
    private static final String UNRECORDED = "plain";

    private static boolean callsOpen(Turn turn) {
        return turn.services() != null && turn.services().leadCalls();
    }

    /**
     * Whether the partner asks SHISHA to connect them to the lead on screen, and whether the call may be recorded:
     * the two options after the outcomes (6 recorded, 7 not), typed or tapped. Consent is given call by call.
     */
    public static Optional<Boolean> callAsked(Turn turn) {
        String input = turn.input();
        if (input.equals("6") || input.equals(RECORDED)) {
            return Optional.of(true);
        }
        if (input.equals("7") || input.equals(UNRECORDED)) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    /** Asks for the call: written with the turn, dialled by the phone line (on this call, when asked on one). */
    public static void callLead(Turn turn, boolean record) {
        long leadId = openedLead(turn);
        Optional<Lead> lead = turn.services().journey().heldLead(turn.partner().orElseThrow().id(), leadId);
        if (lead.isEmpty() || !lead.get().open()) {
            turn.say("leads.gone");
            show(turn);
            return;
        }
        turn.record(new JourneyEffect.CallToLead(leadId, record, turn.callSid()));
        String name = name(turn, lead.get().firstName());
        turn.say(turn.callSid() != null ? "lead.connecting" : "lead.calling", name);
        if (record) {
            turn.say("lead.call_recorded");
        }
    }

    /**
     * After a call to a lead through SHISHA: that lead is opened again and how it went is asked.
     *
     * @param how "" when the lead was reached, "unanswered" when the lead did not answer, "missed" when the partner
     *            could not be reached
     * @return false when the lead is no longer the partner's (then only a note is said)
     */
    public static boolean afterCall(Turn turn, long leadId, String how) {
        Optional<Lead> lead = turn.services().journey().heldLead(turn.partner().orElseThrow().id(), leadId);
        String name = lead.map(l -> name(turn, l.firstName())).orElse("");
        String key = switch (how) {
            case "missed" -> "lead.call_missed";
            case "unanswered" -> "lead.call_unanswered";
            default -> "lead.after_call";
        };
        turn.say(key, name);
        if (lead.isEmpty() || !lead.get().open()) {
            return false;
        }
        LeadsOnScreen screen = LeadsOnScreen.of(turn.slots());
        if (!screen.listed().isEmpty() && !screen.listed().contains(leadId)) {
            // a fresh list came meanwhile: the called lead joins its end, so the numbers on screen keep their leads
            List<Long> listed = new ArrayList<>(screen.listed());
            listed.add(leadId);
            screen = new LeadsOnScreen(listed, null);
        }
        screen.open(leadId).writeTo(turn.slots());
        askOutcome(turn);
        return true;
    }

    public static void choiceInvalid(Turn turn) {
        Optional<Gone> gone = turn.kept(Gone.class);
        if (gone.isPresent()) {
            turn.say(gone.get().closed() ? "leads.closed" : "leads.gone");
            show(turn);
        } else {
            turn.say("leads.invalid");
        }
    }

    /** Guard: how the call to the lead on screen went (1-5, or as the partner says it). */
    public static boolean readOutcome(Turn turn) {
        Understood u = turn.understood();
        if (u == null || u.intent() != Intent.OUTCOME || u.outcome() == null) {
            return false; // "should I mark him interested?" is a question, read as such
        }
        turn.keep(OutcomeKind.class, u.outcome());
        return true;
    }

    public static boolean soldRead(Turn turn) {
        return readOutcome(turn) && turn.kept(OutcomeKind.class).orElseThrow() == OutcomeKind.SOLD;
    }

    public static void recordOutcome(Turn turn) {
        OutcomeKind outcome = turn.kept(OutcomeKind.class).orElseThrow();
        long leadId = openedLead(turn);
        Lead lead = turn.services().journey().heldLead(turn.partner().orElseThrow().id(), leadId).orElse(null);
        turn.touch();
        if (lead != null) {
            turn.record(new JourneyEffect.LeadOutcome(leadId, outcome, null));
            turn.say("lead.logged", turn.text("outcome." + outcome), name(turn, lead.firstName()));
        }
        show(turn, outcome.closes() ? Set.of(leadId) : Set.of());
    }

    public static boolean readAmount(Turn turn) {
        Understood u = turn.understood();
        if (u == null || u.intent() != Intent.AMOUNT || u.amount() == null) {
            return false;
        }
        turn.keep(BigDecimal.class, u.amount());
        return true;
    }

    public static void recordSale(Turn turn) {
        BigDecimal amount = turn.kept(BigDecimal.class).orElseThrow();
        long leadId = openedLead(turn);
        PartnerContext partner = turn.partner().orElseThrow();
        Optional<Lead> lead = turn.services().journey().heldLead(partner.id(), leadId);
        turn.touch();
        if (lead.isPresent() && lead.get().open()) {
            turn.record(new JourneyEffect.LeadOutcome(leadId, OutcomeKind.SOLD, amount));
            BigDecimal commission = turn.services().journey().commission(lead.get().product(), amount);
            turn.say("lead.sold", Money.format(amount), name(turn, lead.get().firstName()), Money.format(commission));
        } else {
            turn.say("leads.gone");
        }
        show(turn, Set.of(leadId));
    }

    private static long openedLead(Turn turn) {
        Long opened = LeadsOnScreen.of(turn.slots()).opened();
        if (opened == null) {
            throw new IllegalStateException("an outcome with no lead open");
        }
        return opened;
    }

    private static Optional<String> pitch(Turn turn, Lead lead, PartnerContext partner) {
        // Indian rules keep loan and credit pitches off SMS: those are given on WhatsApp only
        if (turn.channel() == Channel.SMS && (lead.product() == Product.LOANS || lead.product() == Product.CREDIT_CARDS)) {
            return Optional.of(turn.text("sms.pitch_withheld"));
        }
        return turn.services().pitchTips().tip(lead, partner, turn.language())
                .map(t -> InHindi.india().abbreviations(turn.language(), t.text()));
    }

    private static String city(Turn turn, Lead lead) {
        return turn.language() == Language.HI && lead.cityHi() != null ? lead.cityHi()
                : InHindi.india().place(turn.language(), lead.city(), lead.state());
    }

    private static String name(Turn turn, String name) {
        return InHindi.india().person(turn.language(), name);
    }

    private static String productName(Turn turn, Product product) {
        return turn.text("product." + product.name());
    }
}
