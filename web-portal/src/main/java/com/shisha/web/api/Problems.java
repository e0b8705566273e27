package com.shisha.web.api;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/** Writes {@link ApiProblem}s from servlet filters, which answer before Spring MVC and its advice run. */
final class Problems {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    static void write(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        // with its length declared, a client knows the answer is complete even while the container still drains
        // (or waits for) a request body nobody read
        byte[] body = JSON.writeValueAsBytes(new ApiProblem(code, message, status));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
