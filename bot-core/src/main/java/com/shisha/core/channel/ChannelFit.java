package com.shisha.core.channel;

import com.shisha.core.Channel;

import java.util.List;

/**
 * Makes replies fit their channel: a WhatsApp message carries at most 4096 characters; an SMS page at most a
 * configured number of segments, since every segment is billed and a long run of them arrives out of order on
 * some handsets. The web chat uses the WhatsApp budget, so a conversation reads the same in the simulator.
 */
public final class ChannelFit {

    public static final int WHATSAPP_MAX_CHARS = 4096;
    public static final int DEFAULT_SMS_SEGMENTS_PER_PAGE = 4;

    private final Pager whatsapp;
    private final Pager sms;
    private final int smsSegmentsPerPage;

    public ChannelFit() {
        this(DEFAULT_SMS_SEGMENTS_PER_PAGE);
    }

    public ChannelFit(int smsSegmentsPerPage) {
        if (smsSegmentsPerPage < 1) {
            throw new IllegalArgumentException("an SMS page needs at least one segment, not " + smsSegmentsPerPage);
        }
        this.smsSegmentsPerPage = smsSegmentsPerPage;
        this.whatsapp = new Pager(text -> text.length() <= WHATSAPP_MAX_CHARS, WHATSAPP_MAX_CHARS);
        // each GSM-7 character takes at least one septet, so no page holds more characters than this
        int smsMaxChars = smsSegmentsPerPage == 1 ? SmsEncoding.GSM_7.singleSegmentUnits()
                : smsSegmentsPerPage * SmsEncoding.GSM_7.multipartSegmentUnits();
        this.sms = new Pager(text -> SmsLength.segments(text) <= smsSegmentsPerPage, smsMaxChars);
    }

    public int smsSegmentsPerPage() {
        return smsSegmentsPerPage;
    }

    /** Whether the text goes out as one message on the channel. */
    public boolean fits(String text, Channel channel) {
        return pagerFor(channel).fits(text);
    }

    /** The text as messages that each fit the channel; just the text when it fits already. */
    public List<String> pages(String text, Channel channel) {
        return pages(text, channel, null);
    }

    /**
     * Like {@link #pages(String, Channel)}, with every page but the last ending in a blank line and the footer
     * (e.g. "Reply MORE for the rest"), room for which is kept on the page.
     *
     * @throws IllegalArgumentException if the footer leaves no room for text on a page
     */
    public List<String> pages(String text, Channel channel, String footer) {
        return pagerFor(channel).pages(text, footer);
    }

    /** The first page and the rest, for a channel that sends one page now and keeps the rest for later ("MORE"). */
    public Page firstPage(String text, Channel channel, String footer) {
        Pager.Split split = pagerFor(channel).first(text, footer);
        return new Page(split.page(), split.rest());
    }

    /**
     * The first page of at most {@code maxChars} characters, for a reply kept shorter than its channel allows (a
     * coach answer a partner reads on a phone); a channel's own limit still applies, so use the smaller.
     */
    public static Page firstPage(String text, int maxChars, String footer) {
        Pager.Split split = new Pager(t -> t.length() <= maxChars, maxChars).first(text, footer);
        return new Page(split.page(), split.rest());
    }

    /** @param rest what did not fit, without footer; null when {@code page} is the whole text */
    public record Page(String page, String rest) {
    }

    private Pager pagerFor(Channel channel) {
        return switch (channel) {
            case WHATSAPP, WEB, VOICE -> whatsapp;
            case SMS -> sms;
        };
    }
}
