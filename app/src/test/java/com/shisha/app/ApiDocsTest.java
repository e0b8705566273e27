package com.shisha.app;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document declares what each operation really answers, errors in the one error shape. */
class ApiDocsTest extends AbstractApiTest {

    private JsonNode docs() {
        Response r = call("GET", "/v3/api-docs", null, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void successStatusesAreTheHandlersOwn() {
        JsonNode paths = docs().get("paths");
        assertThat(paths.get("/api/v1/portal/register").get("post").get("responses").has("201")).isTrue();
        assertThat(paths.get("/api/v1/portal/register").get("post").get("responses").has("200")).isFalse();
        assertThat(paths.get("/api/v1/portal/forgot-password").get("post").get("responses").has("202")).isTrue();
        assertThat(paths.get("/api/v1/webchat/messages").get("post").get("responses").has("202")).isTrue();
    }

    @Test
    void everyOperationDeclaresItsErrorsInTheErrorShape() {
        JsonNode doc = docs();
        assertThat(doc.get("components").get("schemas").has("ApiProblem")).isTrue();
        List<String> without = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                JsonNode responses = op.getValue().get("responses");
                if (!responses.has("400") || !responses.has("429")) {
                    without.add(op.getKey() + " " + path.getKey());
                    continue;
                }
                assertThat(responses.get("400").get("content").get("application/json").get("schema").get("$ref").asString())
                        .isEqualTo("#/components/schemas/ApiProblem");
            }
        }
        assertThat(without).as("operations without their 4xx").isEmpty();
        JsonNode me = doc.get("paths").get("/api/v1/partners/me").get("get").get("responses");
        assertThat(me.has("401")).as("a session is needed").isTrue();
    }

    @Test
    void theWebChatNeedsNoBearerTokenWhereItIsOpen() {
        JsonNode post = docs().get("paths").get("/api/v1/webchat/messages").get("post");
        JsonNode security = post.get("security");
        assertThat(security).isNotNull();
        boolean optional = false;
        for (JsonNode requirement : security) {
            optional |= requirement.isEmpty();
        }
        assertThat(optional).as("an empty requirement: the token is optional").isTrue();
        assertThat(post.get("responses").has("401")).isFalse();
    }
}
