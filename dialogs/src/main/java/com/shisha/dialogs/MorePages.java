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
    private static final ChannelFit FIT = new ChannelFit();

    private MorePages() {
    }

    static List<String> fit(Turn turn, List<String> replies) {
        List<String> out = new ArrayList<>(replies.size());
        for (String reply : replies) {
            ChannelFit.Page page = FIT.firstPage(reply, turn.channel, turn.text("more.footer"));
            out.add(page.page());
            if (page.rest() != null) {
                // kept as plain text: MORE pages it again, so every later page fits too
                turn.slots.put(SLOT, page.rest());
            }
        }
        return out;
    }
}
