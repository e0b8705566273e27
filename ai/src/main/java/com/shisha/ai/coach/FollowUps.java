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

    static boolean isFollowUp(String question) {
        List<String> topicWords = Romaniser.keys(question);
        if (topicWords.isEmpty()) {
            return false; // "ok thanks", "hello": nothing to answer, whatever came before
        }
        if (topicWords.size() <= SHORT) {
            return true;
        }
        String[] words = question.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{M}]+");
        int pointing = 0;
        for (String w : words) {
            pointing += POINTING.contains(w) ? 1 : 0;
        }
        return pointing > 0 && topicWords.size() <= 6;
    }
}
