package com.shisha.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The one JSON error shape (the same three fields as {@link com.shisha.core.ApiError}), with the offending
 * fields listed when validation failed.
 */
public record ApiProblem(String error, String message, int status,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldProblem> fields) {

    public ApiProblem(String error, String message, int status) {
        this(error, message, status, List.of());
    }

    public ApiProblem {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /**
     * @param code what is wrong, for clients that word it themselves (the portal, in the partner's language):
     *             {@code required} (missing or blank) or {@code invalid}; null where the API gives no code
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldProblem(String field, String message, String code) {
        public FieldProblem(String field, String message) {
            this(field, message, null);
        }
    }
}
