package com.shisha.ai.coach;

import dev.langchain4j.store.embedding.CosineSimilarity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MiniLmEmbeddingsTest {

    @Test
    void givesTheSameVectorsAsLangchain4jsModel() {
        MiniLmEmbeddings tuned = new MiniLmEmbeddings();
        var stock = new dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel();
        for (String text : new String[] {"my lead's credit rating is only about 650, will lenders even consider him?",
                "गिरवी रखे गहने वापस कब मिलते हैं?"}) {
            var ours = tuned.embed(text).content();
            var theirs = stock.embed(text).content();
            assertThat(ours.dimension()).isEqualTo(384);
            assertThat(CosineSimilarity.between(ours, theirs)).as(text).isGreaterThan(0.9999);
        }
    }
}
