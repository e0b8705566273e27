package com.shisha.ai.coach;

import java.util.List;
import java.util.Set;

/**
 * Whether a question leans on the previous answer's topic: short ones ("and if she cannot repay?", "aur uske
 * documents?") and ones that point back with a pronoun or "and then" name no topic of their own.
 */
final class FollowUps {

    /** Up to this many topic words, a question is read as a follow-up. */
    private static final int SHORT = 3;
    private static final Set<String> POINTING = Set.of(
            "it", "its", "that", "this", "those", "these", "she", "he", "they", "her", "him", "them", "then", "also",
            "same", "uska", "uski", "uske", "iska", "iski", "iske", "usme", "isme", "vo", "voh", "woh", "ye", "yeh",
            "phir", "fir", "bhi", "उसका", "उसकी", "उसके", "इसका", "इसकी", "इसके", "उसमें", "इसमें", "वो", "वह", "यह",
            "फिर", "भी");

    private FollowUps() {
    }

    enum Kind {
        /** A question of its own. */
        NONE,
        /** Short, no topic named clearly: the last topic is likely but a new one may be meant ("what about FD?"). */
        SHORT,
        /** Points back ("she", "it", "uska"): the last topic is what it is about. */
        POINTING
    }

    static boolean isFollowUp(String question) {
        return kind(question) != Kind.NONE;
    }

    static Kind kind(String question) {
        List<String> topicWords = Romaniser.keys(question);
        if (topicWords.isEmpty()) {
            return Kind.NONE; // "ok thanks", "hello": nothing to answer, whatever came before
        }
        String[] words = question.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{M}]+");
        int pointing = 0;
        for (String w : words) {
            pointing += POINTING.contains(w) ? 1 : 0;
        }
        if (pointing > 0 && topicWords.size() <= 6) {
            return Kind.POINTING;
        }
        return topicWords.size() <= SHORT ? Kind.SHORT : Kind.NONE;
    }
}
