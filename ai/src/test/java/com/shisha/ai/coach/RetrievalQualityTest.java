package com.shisha.ai.coach;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Retrieval with the real all-MiniLM-L6-v2 (quantized) model over the shipped knowledge base. */
class RetrievalQualityTest {

    @Test
    void paraphrasedQuestionsFindTheirSectionInTheTopThree() {
        List<Paraphrases> all = Paraphrases.load();
        int top1 = 0;
        int top3 = 0;
        int hindi = 0;
        int hindiTop3 = 0;
        StringBuilder misses = new StringBuilder();
        for (Paraphrases p : all) {
            List<SectionIndex.Hit> hits = SharedIndex.INDEX.search(p.question(), 3);
            boolean found = hits.stream().anyMatch(h -> h.sectionId().equals(p.sectionId()));
            top1 += hits.get(0).sectionId().equals(p.sectionId()) ? 1 : 0;
            top3 += found ? 1 : 0;
            hindi += p.isHindi() ? 1 : 0;
            hindiTop3 += p.isHindi() && found ? 1 : 0;
            if (!found) {
                misses.append("\n  ").append(p.question()).append(" -> ").append(p.sectionId()).append(", got ")
                        .append(hits.stream().map(SectionIndex.Hit::sectionId).toList());
            }
        }
        System.out.printf("coach retrieval: top-3 %d/%d, top-1 %d/%d, Hindi top-3 %d/%d; index built in %d ms (%d chunks)%s%n",
                top3, all.size(), top1, all.size(), hindiTop3, hindi, SharedIndex.INDEX.buildTime().toMillis(),
                SharedIndex.INDEX.chunkCount(), misses);
        assertThat(all).hasSize(57);
        assertThat(top3).as("paraphrases with the right section in the top 3").isGreaterThanOrEqualTo(25);
        // the measured figure here is 50/57; a drop below 45 means the index or the weights regressed
        assertThat(top3).as("regression guard").isGreaterThanOrEqualTo(45);
        assertThat(hindiTop3).as("Hindi paraphrases in the top 3").isGreaterThanOrEqualTo(10);
    }

    @Test
    void everySectionFindsItselfByItsTitle() {
        for (String id : SharedIndex.KB.ids()) {
            String title = SharedIndex.KB.section(id, com.shisha.core.Language.EN).orElseThrow().title();
            assertThat(SharedIndex.INDEX.search(title, 3)).extracting(SectionIndex.Hit::sectionId).as(title).contains(id);
        }
    }
}
