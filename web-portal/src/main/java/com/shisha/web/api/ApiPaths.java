package com.shisha.web.api;

import jakarta.servlet.http.HttpServletRequest;

/** Which requests the companion API's gates (auth, limits) apply to. */
final class ApiPaths {

    static final String PREFIX = "/api/v1/";

    private ApiPaths() {
    }

    /**
     * The companion API, without the simulator's web chat: that channel has no account and is paced by the
     * pipeline itself (and the benchmark drives it far beyond any per-client limit).
     */
    static boolean companion(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith(PREFIX) && !path.startsWith(PREFIX + "webchat/");
    }

    /** Requests that carry no session yet: signing in, and the portal's account pages (register, login, reset). */
    static boolean signIn(HttpServletRequest request) {
        String path = path(request);
        return path.equals(PREFIX + "session") || path.equals(PREFIX + "session/dev") || path.startsWith(PREFIX + "portal/");
    }

    static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context == null || context.isEmpty() ? uri : uri.substring(context.length());
    }
}
