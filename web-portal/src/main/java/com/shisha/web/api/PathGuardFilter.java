package com.shisha.web.api;

import com.shisha.core.PhoneMask;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses, before any other filter sees it, a request whose raw path could mean something else to the container
 * than to the filters: the gates decide by the raw request URI, while Tomcat maps the request by the path with
 * its path parameters dropped and its dot segments resolved, so {@code /api/v1;x=1/partners/me} reached the
 * controllers with no gate applied (no session, no limits, no body cap). Refusing such paths is simpler and safer
 * than teaching every gate to normalise the path the container's way; no client of ours ever sends one.
 */
final class PathGuardFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PathGuardFilter.class);
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?\\d{8,15}");
    private static final int LOGGED_PATH_CHARS = 200;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        Optional<String> reason = reason(uri);
        if (reason.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        log.warn("refused {} {} from {}: the path {}", request.getMethod(), forLog(uri), request.getRemoteAddr(), reason.get());
        // the body is never read; closing spares the container from swallowing the rest of a large one
        response.setHeader("Connection", "close");
        Problems.write(response, 400, "invalid_path", "the request path " + reason.get() + "; send the plain path");
    }

    /** Why this raw (still percent-encoded) path is refused, or empty when it is a plain one. */
    static Optional<String> reason(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return Optional.empty();
        }
        String once = rawPath;
        for (int pass = 0; pass < 2; pass++) {
            String lower = once.toLowerCase(Locale.ROOT);
            if (lower.indexOf(';') >= 0) {
                return Optional.of("holds a ';' path parameter");
            }
            if (lower.contains("%3b")) {
                return Optional.of("holds an encoded ';' (%3B)");
            }
            if (lower.contains("%2f")) {
                return Optional.of("holds an encoded '/' (%2F)");
            }
            if (lower.contains("%5c") || lower.indexOf('\\') >= 0) {
                return Optional.of("holds a backslash");
            }
            if (lower.contains("%2e")) {
                return Optional.of("holds an encoded '.' (%2E)");
            }
            if (lower.contains("//")) {
                return Optional.of("holds an empty segment ('//')");
            }
            for (String segment : lower.split("/", -1)) {
                if (segment.equals(".") || segment.equals("..")) {
                    return Optional.of("holds a '" + segment + "' segment");
                }
            }
            if (lower.contains("%00") || lower.indexOf('\0') >= 0) {
                return Optional.of("holds a NUL character");
            }
            // a double-encoded form (%253B) becomes the single-encoded one after one decoding: look again
            if (!lower.contains("%25")) {
                break;
            }
            once = lower.replace("%25", "%");
        }
        return Optional.empty();
    }

    /** Paths may carry phone numbers and anything an attacker typed: masked, cut short, printable only. */
    static String forLog(String uri) {
        String cut = uri.length() > LOGGED_PATH_CHARS ? uri.substring(0, LOGGED_PATH_CHARS) + "…" : uri;
        Matcher m = PHONE_LIKE.matcher(cut);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(PhoneMask.mask(m.group())));
        }
        m.appendTail(out);
        return out.toString().replaceAll("\\p{Cntrl}", "?");
    }
}
