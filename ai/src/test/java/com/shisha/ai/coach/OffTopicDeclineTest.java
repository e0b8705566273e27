package com.shisha.ai.coach;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When a request nearer to an off-topic example than to the guide is declined, on scores made up for the purpose. */
class OffTopicDeclineTest {

    private static final double W = SectionIndex.WORD_WEIGHT;
    private static final double H = SectionIndex.WORD_HALF;
    private static final double C = SectionIndex.DENSE_CENTRING;

    @Test
    void aRequestNearerToAnExampleAndNoFirmerInTheGuideIsDeclined() {
        // cosine 0.49 to an example, 0.43 to the guide; one word shared with a section, as many with the example
        SectionIndex.Scores scores = new SectionIndex.Scores(new float[] {0.43f, 0.2f}, new double[] {6, 0}, 0.49f, 6);
        double[] fused = SectionIndex.fuse(scores, W, H, C);
        assertThat(SectionIndex.declineOffTopic(fused, scores, SectionIndex.OFF_TOPIC_MARGIN, SectionIndex.OFF_TOPIC_LEAD,
                W, H, C, SectionIndex.ANSWERABLE)).isTrue();
        assertThat(fused[0]).isLessThan(SectionIndex.ANSWERABLE);
    }

    @Test
    void aQuestionWhoseWordsPlaceItFirmlyInASectionIsNotDeclinedForItsNearestExample() {
        // the same cosines, but the question shares many words with the section and few with any example
        SectionIndex.Scores scores = new SectionIndex.Scores(new float[] {0.43f, 0.2f}, new double[] {40, 0}, 0.49f, 4);
        double[] fused = SectionIndex.fuse(scores, W, H, C);
        double before = fused[0];
        assertThat(SectionIndex.declineOffTopic(fused, scores, SectionIndex.OFF_TOPIC_MARGIN, SectionIndex.OFF_TOPIC_LEAD,
                W, H, C, SectionIndex.ANSWERABLE)).isFalse();
        assertThat(fused[0]).isEqualTo(before).isGreaterThan(SectionIndex.ANSWERABLE);
    }
}
