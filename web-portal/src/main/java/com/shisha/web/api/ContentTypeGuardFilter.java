package com.shisha.web.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses a request whose Content-Type is a wildcard (any type, or any subtype such as application/&#42;) with 415.
 * No body is of such a type, and Spring MVC, which copies the header into its HttpHeaders when it reads a body or
 * answers a GET, throws on one: any endpoint without a {@code consumes} of its own answered 500. An unparsable type
 * is left to the endpoints, which already refuse it with 415 where they read a body.
 */
final class ContentTypeGuardFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (wildcard(request.getContentType())) {
            response.setHeader("Connection", "close");
            Problems.write(response, 415, "unsupported_media_type",
                    "the Content-Type must name one media type, such as application/json, not a wildcard");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean wildcard(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
