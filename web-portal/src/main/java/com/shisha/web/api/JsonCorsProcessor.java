package com.shisha.web.api;

import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Spring's CORS checks, with a refused origin answered in the API's JSON error shape. */
final class JsonCorsProcessor extends DefaultCorsProcessor {

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        response.setStatusCode(org.springframework.http.HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getBody().write("{\"error\":\"cors_origin_refused\",\"message\":\"this origin may not call the API\",\"status\":403}"
                .getBytes(StandardCharsets.UTF_8));
        response.flush();
    }
}
