package com.shisha.channels.twilio;

import com.shisha.core.ApiError;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;

/**
 * Lets only Twilio open a media stream: the WebSocket upgrade must carry Twilio's X-Twilio-Signature over the
 * stream's {@code wss://} address (the public base URL's), with no parameters. Anything else is refused before
 * the upgrade, so no audio of a stranger's is ever taken. A signed upgrade is handed to the servlet container's
 * WebSocket support (Jakarta WebSocket's {@code upgradeHttpToWebSocket}) with {@link MediaStreams} as its endpoint.
 */
public final class MediaStreamGuard implements Filter {

    private static final Logger log = LoggerFactory.getLogger(MediaStreamGuard.class);

    private final TwilioSignature signature;
    private final String base;

    private final jakarta.websocket.server.ServerEndpointConfig endpoint;

    /** @param streams what takes each stream once the upgrade is let through */
    public MediaStreamGuard(TwilioSettings settings, MediaStreams streams) {
        this.endpoint = jakarta.websocket.server.ServerEndpointConfig.Builder
                .create(jakarta.websocket.Endpoint.class, MediaStreams.PATH)
                .configurator(new jakarta.websocket.server.ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> type) {
                        return type.cast(streams.connection());
                    }
                }).build();
        this.signature = new TwilioSignature(settings.authToken());
        String publicBase = settings.publicBaseUrl().toString();
        this.base = webSocketBase(publicBase.endsWith("/") ? publicBase.substring(0, publicBase.length() - 1) : publicBase);
    }

    /** The WebSocket address of a public base URL: https becomes wss, http ws. */
    static String webSocketBase(String publicBase) {
        return publicBase.startsWith("https:") ? "wss:" + publicBase.substring("https:".length())
                : publicBase.startsWith("http:") ? "ws:" + publicBase.substring("http:".length()) : publicBase;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            TwilioWebhooks.json(response, new ApiError("bad_request", "a media stream is a WebSocket", 400));
            return;
        }
        String url = base + request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (!signature.valid(request.getHeader("X-Twilio-Signature"), url, Map.of())) {
            log.warn("refused a media stream from {}: {} X-Twilio-Signature", request.getRemoteAddr(),
                    request.getHeader("X-Twilio-Signature") == null ? "missing" : "invalid");
            TwilioWebhooks.json(response, new ApiError("forbidden", "missing or invalid X-Twilio-Signature", 403));
            return;
        }
        jakarta.websocket.server.ServerContainer container = (jakarta.websocket.server.ServerContainer)
                request.getServletContext().getAttribute(jakarta.websocket.server.ServerContainer.class.getName());
        try {
            container.upgradeHttpToWebSocket(request, response, endpoint, Map.of());
        } catch (jakarta.websocket.DeploymentException e) {
            throw new ServletException("the media stream could not be opened", e);
        }
    }
}
