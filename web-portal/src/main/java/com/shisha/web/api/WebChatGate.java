package com.shisha.web.api;

import com.shisha.core.channel.WebChatIdentity;
import com.shisha.core.companion.PartnerAccounts;
import com.shisha.core.companion.RequestLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * The web chat where it needs a sign-in: the partner's session token (the Authorization header, or for the reply
 * stream, which a browser's EventSource opens without headers, the {@code access_token} parameter) names the
 * partner, whose own number is put on the request for the channel; then the per-address and per-partner limits of
 * the API apply. Where the web chat is open (development) this gate lets everything through.
 */
final class WebChatGate extends OncePerRequestFilter {

    private final WebChatSettings settings;
    private final SessionTokens tokens;
    private final PartnerAccounts partners;
    private final RequestLimiter limiter;
    private final int ipPerMinute;
    private final int partnerPerMinute;

    WebChatGate(WebChatSettings settings, SessionTokens tokens, PartnerAccounts partners, RequestLimiter limiter,
                int ipPerMinute, int partnerPerMinute) {
        this.settings = settings;
        this.tokens = tokens;
        this.partners = partners;
        this.limiter = limiter;
        this.ipPerMinute = ipPerMinute;
        this.partnerPerMinute = partnerPerMinute;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return settings.open() || !ApiPaths.path(request).startsWith(ApiPaths.PREFIX + "webchat/")
                || "OPTIONS".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!RateLimitFilter.admit(limiter, "ip:" + request.getRemoteAddr(), ipPerMinute, response)) {
            return;
        }
        String header = request.getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim()
                : request.getParameter("access_token");
        Optional<PartnerAccounts.Account> partner = token == null ? Optional.empty()
                : tokens.verify(token).flatMap(partners::byId);
        if (partner.isEmpty() || partner.get().phone() == null) {
            response.setHeader("WWW-Authenticate", "Bearer");
            Problems.write(response, 401, "unauthorized", token == null
                    ? "the web chat needs a sign-in: sign in on the portal, then send Authorization: Bearer <token>"
                    : "the session token is invalid or expired; sign in again");
            return;
        }
        if (RateLimitFilter.admit(limiter, "partner:" + partner.get().id(), partnerPerMinute, response)) {
            request.setAttribute(WebChatIdentity.SIGNED_IN_PHONE, partner.get().phone());
            chain.doFilter(request, response);
        }
    }
}
