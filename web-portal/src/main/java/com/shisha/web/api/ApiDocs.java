package com.shisha.web.api;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.util.List;
import java.util.Map;

/**
 * What the OpenAPI document says each operation answers: its real success status (201, 202, 204 from the handler's
 * {@code @ResponseStatus}, where springdoc wrote 200 for all) and the errors every operation can give, in the one error
 * shape ({@link ApiProblem}). Filters answer some of these before the handler (401 from the session filter, 413 from the
 * body limit, 415 from the content-type guard, 429 from the rate limiter), which springdoc cannot see.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    static final String PROBLEM = "ApiProblem";
    static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    @Bean
    OperationCustomizer declaredStatuses() {
        return (operation, handler) -> {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            ResponseStatus status = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), ResponseStatus.class);
            if (status != null && status.code() != HttpStatus.OK && responses.containsKey("200")) {
                ApiResponse ok = responses.remove("200");
                if (status.code() == HttpStatus.NO_CONTENT) {
                    ok.setContent(null);
                }
                responses.addApiResponse(String.valueOf(status.code().value()), ok.description(status.code().getReasonPhrase()));
            }
            error(responses, "400", "bad_request or validation_failed (fields names each field that is not valid)");
            if (operation.getRequestBody() != null) {
                error(responses, "413", "payload_too_large: the body is over the size limit");
                error(responses, "415", "unsupported_media_type: the body is not JSON");
            }
            error(responses, "429", "too_many_requests: the caller's (or the address's) rate limit; see Retry-After");
            operation.setResponses(responses);
            return operation;
        };
    }

    /**
     * 401 on every operation that needs a session, 404 where the path names a thing; the web chat needs a session only
     * where it is closed to the public (production), so its bearer token is optional here; and the error schema.
     */
    @Bean
    OpenApiCustomizer errorShapeAndSessions() {
        return openApi -> {
            Map<String, Schema> schemas = ModelConverters.getInstance().readAll(ApiProblem.class);
            schemas.forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
                if (path.startsWith("/api/v1/webchat")) {
                    operation.setSecurity(List.of(new SecurityRequirement(), new SecurityRequirement().addList("session")));
                }
                boolean needsSession = operation.getSecurity() == null
                        ? openApi.getSecurity() != null && !openApi.getSecurity().isEmpty()
                        : operation.getSecurity().stream().noneMatch(SecurityRequirement::isEmpty);
                if (needsSession) {
                    error(operation.getResponses(), "401", "unauthorized: no session, or one that ended (sign in again)");
                }
                if (path.contains("{")) {
                    error(operation.getResponses(), "404", "not_found: no such item for this partner");
                }
            }));
        };
    }

    private static void error(ApiResponses responses, String code, String description) {
        if (responses.containsKey(code)) {
            return;
        }
        Schema<?> problem = new Schema<>().$ref("#/components/schemas/" + PROBLEM);
        responses.addApiResponse(code, new ApiResponse().description(description)
                .content(new Content().addMediaType("application/json", new MediaType().schema(problem))));
    }
}
