package com.shisha.ai.coach;

/** Prints the best sections and their scores for each question given: for looking into one retrieval. */
final class RetrievalProbe {

    public static void main(String[] args) throws java.io.IOException {
        java.util.List<String> questions = args.length == 1 && args[0].startsWith("@")
                ? java.nio.file.Files.readAllLines(java.nio.file.Path.of(args[0].substring(1))) : java.util.List.of(args);
        for (String q : questions) {
            System.out.println(q + " -> " + SharedIndex.INDEX.search(q, 4) + " follow-up: " + FollowUps.kind(q)
                    + "\n    in English: " + SharedIndex.INDEX.glossary().english(q)
                    + "\n    topic words: " + Romaniser.topicWords(q) + "\n    stems: " + Romaniser.stems(q));
        }
    }
}
