package com.shisha.dialogs;

import com.shisha.core.Channel;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits a turn's reply to its channel. A reply too long for one message is cut at a paragraph, line or word
 * boundary (never mid-word); the first page goes out with a "MORE" hint and the rest waits in the slots.
 */
final class Pager {

    static final String MORE = "more";
    /** WhatsApp refuses bodies over 4096 characters. */
    static final int WHATSAPP_LIMIT = 4096;
    /** SMS: four GSM-7 segments; a Devanagari (UCS-2) reply gets fewer characters, see {@link #budget}. */
    static final int SMS_GSM_LIMIT = 4 * 153;
    static final int SMS_UCS2_LIMIT = 4 * 67;

    private Pager() {
    }

    static List<String> fit(Turn turn, List<String> replies) {
        if (replies.isEmpty()) {
            return replies;
        }
        List<String> out = new ArrayList<>(replies.size());
        for (String reply : replies) {
            int budget = budget(turn.channel, reply);
            if (reply.length() <= budget) {
                out.add(reply);
                continue;
            }
            String footer = turn.text("more.footer");
            int room = budget(turn.channel, reply + footer) - footer.length() - 2;
            int cut = cutPoint(reply, room);
            out.add(reply.substring(0, cut).stripTrailing() + "\n\n" + footer);
            turn.slots.put(MORE, reply.substring(cut).strip());
        }
        return out;
    }

    static int budget(Channel channel, String text) {
        if (channel != Channel.SMS) {
            return WHATSAPP_LIMIT;
        }
        return text.chars().allMatch(c -> c < 128) ? SMS_GSM_LIMIT : SMS_UCS2_LIMIT;
    }

    /** The last paragraph break, else line break, else space within {@code room}; never inside a word. */
    static int cutPoint(String text, int room) {
        int limit = Math.min(room, text.length());
        for (String boundary : new String[]{"\n\n", "\n", " "}) {
            int at = text.lastIndexOf(boundary, limit - boundary.length());
            if (at > room / 3) {
                return at + boundary.length();
            }
        }
        int hard = limit;
        if (hard > 0 && Character.isHighSurrogate(text.charAt(hard - 1))) {
            hard--;
        }
        return hard;
    }
}
