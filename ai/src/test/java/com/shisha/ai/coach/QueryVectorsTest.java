package com.shisha.ai.coach;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryVectorsTest {

    @Test
    void keepsTheMostRecentlyUsedAndFoldsCaseAndSpacing() {
        QueryVectors cache = new QueryVectors(2);
        cache.put(QueryVectors.normal("EMI kya  hai"), new float[] {1});
        cache.put(QueryVectors.normal("gold loan"), new float[] {2});
        assertThat(cache.get(QueryVectors.normal(" emi KYA hai"))).containsExactly(1);
        cache.put(QueryVectors.normal("fd rate"), new float[] {3});

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get(QueryVectors.normal("gold loan"))).isNull();
        assertThat(cache.get(QueryVectors.normal("emi kya hai"))).isNotNull();
    }

    @Test
    void aRepeatedQuestionRanksTheSameWithoutEmbeddingAgain() {
        String q = "kisht time pe nahi bhari to kya hoga";
        assertThat(SharedIndex.INDEX.search(q, 3)).isEqualTo(SharedIndex.INDEX.search("Kisht time pe  nahi bhari to kya hoga", 3));
    }
}
