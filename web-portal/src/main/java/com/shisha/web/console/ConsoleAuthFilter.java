package com.shisha.web.console;

import com.shisha.core.console.StaffAccounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Guards the console's API: a staff session cookie on every call but signing in, and on every call that changes
 * something a header a cross-site form or image cannot send. The cookie is SameSite=Strict as well; the header
 * keeps the console safe on browsers that ignore that.
 */
final class ConsoleAuthFilter extends OncePerRequestFilter {

    static final String STAFF = "shisha.staff";
    static final String CSRF_HEADER = "X-Console-Request";
    static final String SESSION_PATH = "/console/api/session";

    private final StaffSessions sessions;

    ConsoleAuthFilter(StaffSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean reads = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (!reads && !"1".equals(request.getHeader(CSRF_HEADER))) {
            ConsoleProblems.write(response, 403, "forbidden", "console requests that change something need the header "
                    + CSRF_HEADER + ": 1");
            return;
        }
        if ("POST".equals(request.getMethod()) && SESSION_PATH.equals(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<StaffAccounts.Staff> staff = cookie(request).flatMap(sessions::verify);
        if (staff.isEmpty()) {
            ConsoleProblems.write(response, 401, "unauthorized", "sign in to the console first");
            return;
        }
        request.setAttribute(STAFF, staff.get());
        chain.doFilter(request, response);
    }

    private static Optional<String> cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (StaffSessions.COOKIE.equals(c.getName()) && c.getValue() != null && !c.getValue().isBlank()) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }
}
