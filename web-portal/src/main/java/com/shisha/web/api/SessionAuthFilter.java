package com.shisha.web.api;

import com.shisha.core.companion.RequestLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Every companion API request but signing in needs "Authorization: Bearer <session token>". The partner id in
 * the token is the only identity controllers see (request attribute {@link #PARTNER_ID}); there is no way to
 * name another partner, so a partner can only reach their own data. Then the per-partner limit applies.
 */
final class SessionAuthFilter extends OncePerRequestFilter {

    static final String PARTNER_ID = "shisha.partnerId";

    private final SessionTokens tokens;
    private final RequestLimiter limiter;
    private final int perMinute;

    SessionAuthFilter(SessionTokens tokens, RequestLimiter limiter, int perMinute) {
        this.tokens = tokens;
        this.limiter = limiter;
        this.perMinute = perMinute;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.companion(request) || ApiPaths.signIn(request) || "OPTIONS".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        Optional<Long> partner = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? tokens.verify(header.substring(7).trim()) : Optional.empty();
        if (partner.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer");
            Problems.write(response, 401, "unauthorized", header == null
                    ? "sign in first: POST /api/v1/session, then send Authorization: Bearer <token>"
                    : "the session token is invalid or expired; sign in again");
            return;
        }
        if (RateLimitFilter.admit(limiter, "partner:" + partner.get(), perMinute, response)) {
            request.setAttribute(PARTNER_ID, partner.get());
            chain.doFilter(request, response);
        }
    }
}
