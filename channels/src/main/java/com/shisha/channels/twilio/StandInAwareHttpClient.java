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
 * twilio-java's HTTP client with two changes: requests go to the configured API base (Twilio, or a stand-in
 * on loopback; {@link TwilioSettings} allows nothing else), and no retries inside the SDK: the outbox owns
 * retries, so one send attempt is one request and its outcome is recorded.
 */
final class StandInAwareHttpClient extends NetworkHttpClient {

    private final URI apiBase;
    private final boolean rewrite;

    StandInAwareHttpClient(URI apiBase, int maxConnections, Duration timeout) {
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
        this.rewrite = !TwilioSettings.TWILIO_API.equals(apiBase);
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        return super.makeRequest(rewrite ? redirect(request) : request);
    }

    private Request redirect(Request original) {
        URI url = URI.create(original.constructURL().toString());
        String target = apiBase.getScheme() + "://" + apiBase.getRawAuthority() + url.getRawPath();
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
