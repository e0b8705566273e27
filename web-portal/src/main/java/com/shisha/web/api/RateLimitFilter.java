package com.shisha.web.api;

import com.shisha.core.companion.RequestLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;

/**
 * Per client address, before anything else is done for the request (so token guessing is limited too). The
 * address is the one Tomcat resolved, i.e. X-Forwarded-For only from trusted proxies.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private final RequestLimiter limiter;
    private final int perMinute;

    RateLimitFilter(RequestLimiter limiter, int perMinute) {
        this.limiter = limiter;
        this.perMinute = perMinute;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.companion(request) || "OPTIONS".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (admit(limiter, "ip:" + request.getRemoteAddr(), perMinute, response)) {
            chain.doFilter(request, response);
        }
    }

    /** @return false after answering 429 with Retry-After (whole seconds, rounded up) */
    static boolean admit(RequestLimiter limiter, String key, int perMinute, HttpServletResponse response) throws IOException {
        RequestLimiter.Decision decision = limiter.acquire(key, perMinute, WINDOW);
        if (decision.allowed()) {
            return true;
        }
        long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
        response.setHeader("Retry-After", Long.toString(seconds));
        Problems.write(response, 429, "too_many_requests", "too many requests; try again in " + seconds + " s");
        return false;
    }
}
