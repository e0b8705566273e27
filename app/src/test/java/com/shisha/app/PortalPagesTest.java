package com.shisha.app;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every portal page at its clean address, assembled from the layout, under the pages' CSP: only our own scripts, none inline. */
class PortalPagesTest extends AbstractPipelineTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private final HttpClient http = HttpClient.newHttpClient();

    @org.junit.jupiter.api.Test
    void theDashboardIsNotIndexedAndLinksToItself() throws Exception {
        String dashboard = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/partner/dashboard")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(dashboard).contains("<meta name=\"robots\" content=\"noindex\">").contains("aria-current=\"page\"")
                .contains("<script src=\"/js/dashboard.js\"></script>").doesNotContain("href=\"/login\"");
        String login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(login).contains("<title data-i18n=\"title.login\">Sign in · SHISHA</title>").contains("id=\"verify-form\"").doesNotContain("noindex");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/register", "/login", "/forgot-password", "/partner/dashboard", "/simulator", "/privacy", "/terms"})
    void isServedWithoutInlineScripts(String path) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'").doesNotContain("unsafe-eval");
        assertThat(page.body()).startsWith("<!DOCTYPE html>").contains("<main")
                // assembled from the layout: nothing of the page file's own markup is left over
                .doesNotContain("{{").doesNotContain("<!-- title:").doesNotContain("<!-- include:");
        if (!path.equals("/simulator")) {
            assertThat(page.body()).as("the layout's footer on %s", path).contains("<footer class=\"site-footer\">");
        }
        assertThat(INLINE_SCRIPT.matcher(page.body()).find()).as("inline <script> on %s", path).isFalse();
        assertThat(INLINE_HANDLER.matcher(page.body()).find()).as("inline event handler on %s", path).isFalse();
    }
}
