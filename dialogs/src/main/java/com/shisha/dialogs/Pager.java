package com.shisha.dialogs;

import com.shisha.core.channel.ChannelFit;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits a turn's reply to its channel. A reply too long for one message is cut at a paragraph, line or word
 * boundary (never mid-word); the first page goes out with a "MORE" hint and the rest waits in the slots.
 */
final class Pager {

    static final String MORE = "more";

    private Pager() {
    }

    private static final ChannelFit FIT = new ChannelFit();

    static List<String> fit(Turn turn, List<String> replies) {
        if (replies.isEmpty()) {
            return replies;
        }
        List<String> out = new ArrayList<>(replies.size());
        for (String reply : replies) {
            if (FIT.fits(reply, turn.channel)) {
                out.add(reply);
                continue;
            }
            String footer = turn.text("more.footer");
            String first = FIT.pages(reply, turn.channel, footer).get(0);
            String chunk = first.substring(0, first.length() - footer.length() - 2);
            out.add(first);
            // the rest is kept as plain text; MORE pages it again, so each later page fits too
            turn.slots.put(MORE, reply.substring(Math.min(reply.length(), chunk.length())).strip());
        }
        return out;
    }
}
