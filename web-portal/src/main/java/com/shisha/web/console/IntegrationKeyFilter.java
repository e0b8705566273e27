package com.shisha.web.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** In front of /integrations: a bearer key of GroMo's, or 401 (503 while no key is configured at all). */
final class IntegrationKeyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IntegrationKeyFilter.class);
    private final IntegrationKeys keys;

    IntegrationKeyFilter(IntegrationKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!keys.any()) {
            ConsoleProblems.write(response, 503, "not_configured", "no integration key is configured (SHISHA_INTEGRATION_KEYS)");
            return;
        }
        String header = request.getHeader("Authorization");
        String key = header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : null;
        if (!keys.accepts(key)) {
            log.warn("integration call refused from {}: {}", request.getRemoteAddr(), key == null ? "no key" : "unknown key");
            ConsoleProblems.write(response, 401, "unauthorized", "send a valid integration key: Authorization: Bearer <key>");
            return;
        }
        chain.doFilter(request, response);
    }
}
