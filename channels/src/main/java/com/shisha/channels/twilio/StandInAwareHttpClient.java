package com.shisha.channels.twilio;

import com.twilio.Twilio;
import com.twilio.constant.EnumConstants;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpUtility;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * twilio-java's HTTP seam, on a plain Apache client of our own: requests go to the configured bases (Twilio, or a
 * stand-in on loopback; {@link TwilioSettings} allows nothing else), the Content API's to its own, and there are no
 * retries inside the SDK: the outbox owns retries, so one send attempt is one request and its outcome is recorded.
 *
 * <p>Every reply passes through here, so it is kept lean: the URL is the base and the path the SDK wrote (no URL
 * parsing or request copy per call), the form is encoded once, and the client leaves out what Twilio's API never uses
 * (cookies, redirects, compressed answers). A flight recording of the benchmark had twilio-java's own client, with
 * these, take about as much CPU per reply as the whole turn that wrote it.
 */
final class StandInAwareHttpClient extends HttpClient {

    private static final String SCHEME_END = "://";
    private static final String CONTENT_HOST = TwilioSettings.TWILIO_CONTENT_API.getHost();
    private static final ContentType FORM = ContentType.APPLICATION_FORM_URLENCODED.withCharset(java.nio.charset.StandardCharsets.UTF_8);
    private static final String USER_AGENT = HttpUtility.getUserAgentString(List.of(), true);

    private final CloseableHttpClient http;
    /** scheme and authority of the bases, or null where the request keeps Twilio's own host */
    private final String apiOrigin;
    private final String contentOrigin;

    StandInAwareHttpClient(URI apiBase, int maxConnections, Duration timeout) {
        this(apiBase, TwilioSettings.TWILIO_CONTENT_API, maxConnections, timeout);
    }

    StandInAwareHttpClient(URI apiBase, URI contentBase, int maxConnections, Duration timeout) {
        this.http = HttpClientBuilder.create()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(timeout))
                                .setSocketTimeout(Timeout.of(timeout))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(timeout))
                        .setConnectionRequestTimeout(Timeout.of(timeout)) // waiting for a pooled connection
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .useSystemProperties() // a proxy or trust store set for the JVM applies here too
                .build();
        this.apiOrigin = TwilioSettings.TWILIO_API.equals(apiBase) ? null : origin(apiBase);
        this.contentOrigin = TwilioSettings.TWILIO_CONTENT_API.equals(contentBase) ? null : origin(contentBase);
    }

    private static String origin(URI base) {
        return base.getScheme() + SCHEME_END + base.getRawAuthority();
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        if (!request.getFormParameters().isEmpty()) {
            // multipart uploads: no API this service calls takes them
            throw new IllegalArgumentException("multipart requests are not supported: " + request.getUrl());
        }
        HttpUriRequestBase call = new HttpUriRequestBase(request.getMethod().toString(), URI.create(target(request)));
        if (request.requiresAuthentication()) {
            call.addHeader("Authorization", request.getAuthString());
        }
        request.getHeaderParams().forEach((name, values) -> values.forEach(v -> call.addHeader(name, v)));
        call.addHeader("X-Twilio-Client", "java-" + Twilio.VERSION);
        call.addHeader("Accept", "application/json");
        List<String> extensions = request.getUserAgentExtensions();
        call.addHeader("User-Agent", extensions == null || extensions.isEmpty() ? USER_AGENT : HttpUtility.getUserAgentString(extensions, true));
        if (request.getContentType() == EnumConstants.ContentType.JSON && request.getBody() != null) {
            call.setEntity(new StringEntity(request.getBody(), ContentType.APPLICATION_JSON));
        } else if (hasBody(request)) {
            call.setEntity(new StringEntity(request.encodeFormBody(), FORM));
        }
        try {
            return http.execute(call, answer -> new Response(
                    new ByteArrayInputStream(answer.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(answer.getEntity())),
                    answer.getCode(), answer.getHeaders()));
        } catch (IOException e) {
            // no answer: the caller cannot tell whether Twilio took the request (no status code)
            throw new ApiException(e.getMessage(), e);
        }
    }

    private static boolean hasBody(Request request) {
        return switch (request.getMethod()) {
            case POST, PUT, PATCH -> true;
            default -> false;
        };
    }

    /**
     * The SDK writes https://{domain}.twilio.com/{path}: the path goes to the configured base of its API (the
     * Content API's host to its own), and the query the SDK keeps apart is appended.
     */
    private String target(Request request) {
        String url = request.getUrl();
        int hostStart = url.indexOf(SCHEME_END) + SCHEME_END.length();
        int pathStart = url.indexOf('/', hostStart);
        if (pathStart < 0) {
            pathStart = url.length();
        }
        String origin = url.regionMatches(true, hostStart, CONTENT_HOST, 0, CONTENT_HOST.length())
                && pathStart == hostStart + CONTENT_HOST.length() ? contentOrigin : apiOrigin;
        StringBuilder target = new StringBuilder(origin == null ? url.substring(0, pathStart) : origin).append(url, pathStart, url.length());
        Map<String, List<String>> query = request.getQueryParams();
        if (!query.isEmpty()) {
            target.append('?').append(request.encodeQueryParams());
        }
        return target.toString();
    }
}
