package com.shisha.channels.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * twilio-java's HTTP client with two changes: requests go to the configured bases (Twilio, or a stand-in on
 * loopback; {@link TwilioSettings} allows nothing else), the Content API's to its own, and no retries inside the
 * SDK: the outbox owns retries, so one send attempt is one request and its outcome is recorded.
 */
final class StandInAwareHttpClient extends NetworkHttpClient {

    private static final String CONTENT_HOST = TwilioSettings.TWILIO_CONTENT_API.getHost();

    private final URI apiBase;
    private final URI contentBase;
    private final boolean rewriteApi;
    private final boolean rewriteContent;

    StandInAwareHttpClient(URI apiBase, int maxConnections, Duration timeout) {
        this(apiBase, TwilioSettings.TWILIO_CONTENT_API, maxConnections, timeout);
    }

    StandInAwareHttpClient(URI apiBase, URI contentBase, int maxConnections, Duration timeout) {
        super(HttpClientBuilder.create()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(timeout))
                                .setSocketTimeout(Timeout.of(timeout))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(timeout)).build())
                .disableAutomaticRetries()
                .useSystemProperties());
        this.apiBase = apiBase;
        this.contentBase = contentBase;
        this.rewriteApi = !TwilioSettings.TWILIO_API.equals(apiBase);
        this.rewriteContent = !TwilioSettings.TWILIO_CONTENT_API.equals(contentBase);
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        URI url = URI.create(request.constructURL().toString());
        // the SDK names the API by host (api., content., ...); each goes to its own configured base
        boolean content = CONTENT_HOST.equalsIgnoreCase(url.getHost());
        if (content ? !rewriteContent : !rewriteApi) {
            return super.makeRequest(request);
        }
        return super.makeRequest(redirect(request, url, content ? contentBase : apiBase));
    }

    private static Request redirect(Request original, URI url, URI base) {
        String target = base.getScheme() + "://" + base.getRawAuthority() + url.getRawPath();
        Request copy = new Request(original.getMethod(), target);
        if (original.getAuthStrategy() != null) {
            copy.setAuth(original.getAuthStrategy());
        } else {
            copy.setAuth(original.getUsername(), original.getPassword());
        }
        copy.setContentType(original.getContentType());
        copy.setUserAgentExtensions(original.getUserAgentExtensions());
        if (original.getBody() != null) {
            copy.setBody(original.getBody());
        }
        copyEach(original.getPostParams(), copy::addPostParam);
        copyEach(original.getQueryParams(), copy::addQueryParam);
        copyEach(original.getHeaderParams(), copy::addHeaderParam);
        return copy;
    }

    private static void copyEach(Map<String, List<String>> params, java.util.function.BiConsumer<String, String> add) {
        params.forEach((name, values) -> values.forEach(v -> add.accept(name, v)));
    }
}
