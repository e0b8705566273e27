package com.shisha.ai.coach;

/** Prints the best sections and their scores for each question given: for looking into one retrieval. */
final class RetrievalProbe {

    public static void main(String[] args) {
        for (String q : args) {
            System.out.println(q + " -> " + SharedIndex.INDEX.search(q, 4) + " follow-up: " + FollowUps.kind(q)
                    + ", in English: " + SharedIndex.INDEX.glossary().english(q));
        }
    }
}
