package com.shisha.dialogs;

import com.shisha.core.channel.ChannelFit;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits a turn's reply to its channel ({@link ChannelFit}): a reply too long for one message goes out as its
 * first page with a "MORE" hint, and the rest waits in the slots for the partner to ask.
 */
final class MorePages {

    static final String SLOT = "more";
    /** A page size smaller than the channel's, kept with the rest of a reply that asked for one. */
    static final String PAGE_SLOT = "more.chars";
    private static final ChannelFit FIT = new ChannelFit();

    private MorePages() {
    }

    static List<String> fit(Turn turn, List<String> replies) {
        List<String> out = new ArrayList<>(replies.size());
        for (String reply : replies) {
            String footer = turn.text("more.footer");
            ChannelFit.Page page = FIT.firstPage(reply, turn.channel, footer);
            if (turn.pageChars > 0 && FIT.fits(reply, turn.channel)) {
                page = ChannelFit.firstPage(reply, turn.pageChars, footer);
            }
            out.add(page.page());
            if (page.rest() != null) {
                // kept as plain text: MORE pages it again, so every later page fits too
                keep(turn, page.rest(), turn.pageChars);
            }
        }
        return out;
    }

    /** Keeps the rest of a reply for MORE (null: nothing left, an older rest is dropped), with the page size its later pages keep (0: the channel's own). */
    static void keep(Turn turn, String rest, int pageChars) {
        if (rest == null) {
            turn.slots.remove(SLOT);
            turn.slots.remove(PAGE_SLOT);
            return;
        }
        turn.slots.put(SLOT, rest);
        if (pageChars > 0) {
            turn.slots.put(PAGE_SLOT, Integer.toString(pageChars));
        } else {
            turn.slots.remove(PAGE_SLOT);
        }
    }

    /** Takes the kept rest (null when there is none) and sets this turn's page size to the one it was kept with. */
    static String take(Turn turn) {
        String chars = turn.slots.remove(PAGE_SLOT);
        turn.pageChars = chars == null ? 0 : Integer.parseInt(chars);
        return turn.slots.remove(SLOT);
    }
}
