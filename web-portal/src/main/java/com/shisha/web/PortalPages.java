package com.shisha.web;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal's pages, put together once at start-up from one layout (head, header, footer, the shared scripts)
 * and one file per page (its {@code <main>} and a few {@code <!-- key: value -->} lines: title, description,
 * scripts, robots, nav). Server-side assembly instead of a front-end build: no toolchain, and every page is one
 * ready HTML answer that reads before any script runs. The pages hold no partner data; that comes from the API.
 */
@Controller
class PortalPages {

    static final String ROOT = "portal/";
    private static final Pattern META = Pattern.compile("\\A(?:<!-- ([a-z]+): (.*?) -->\\n)");
    private static final Pattern INCLUDE = Pattern.compile("<!-- include: ([a-z-]+) -->");
    private static final String SIGN_IN_LINK = "      <a href=\"/login\" data-i18n=\"nav.login\">Sign in</a>\n";
    private static final String DASHBOARD_LINK =
            "      <a href=\"/partner/dashboard\" aria-current=\"page\" data-i18n=\"nav.dashboard\">My dashboard</a>\n";

    /** Address → page file (without .html) under portal/pages. */
    static final Map<String, String> ADDRESSES = Map.of(
            "/", "index", "/register", "register", "/login", "login", "/forgot-password", "forgot-password",
            "/partner/dashboard", "dashboard", "/privacy", "privacy", "/terms", "terms");

    private final Map<String, String> pages = new LinkedHashMap<>();

    PortalPages() {
        String layout = read(ROOT + "layout.html");
        ADDRESSES.forEach((address, file) -> pages.put(address, render(layout, read(ROOT + "pages/" + file + ".html"), file)));
    }

    @GetMapping(path = {"/", "/register", "/login", "/forgot-password", "/partner/dashboard", "/privacy", "/terms"})
    @ResponseBody
    ResponseEntity<String> page(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // revalidated on each visit: a new release's page must not pair with a cached older script
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache()).body(pages.get(path));
    }

    static String render(String layout, String page, String name) {
        Map<String, String> meta = new LinkedHashMap<>();
        String body = page;
        for (Matcher m = META.matcher(body); m.find(); m = META.matcher(body)) {
            meta.put(m.group(1), m.group(2));
            body = body.substring(m.end());
        }
        if (!meta.containsKey("title") || !meta.containsKey("description")) {
            throw new IllegalStateException("portal page " + name + " needs <!-- title: --> and <!-- description: --> lines");
        }
        Matcher include = INCLUDE.matcher(body);
        StringBuilder main = new StringBuilder();
        while (include.find()) {
            include.appendReplacement(main, Matcher.quoteReplacement(read(ROOT + "partials/" + include.group(1) + ".html")));
        }
        include.appendTail(main);
        StringBuilder scripts = new StringBuilder();
        for (String src : meta.getOrDefault("scripts", "").split("\\s+")) {
            if (!src.isEmpty()) {
                scripts.append("<script src=\"").append(HtmlUtils.htmlEscape(src, "UTF-8")).append("\"></script>\n");
            }
        }
        String robots = meta.containsKey("robots")
                ? "\n  <meta name=\"robots\" content=\"" + HtmlUtils.htmlEscape(meta.get("robots"), "UTF-8") + "\">" : "";
        return layout.replace("{{page}}", name).replace("{{title}}", HtmlUtils.htmlEscape(meta.get("title"), "UTF-8"))
                .replace("{{description}}", HtmlUtils.htmlEscape(meta.get("description"), "UTF-8"))
                .replace("{{meta}}", robots)
                .replace("{{nav}}", "dashboard".equals(meta.get("nav")) ? DASHBOARD_LINK : SIGN_IN_LINK)
                .replace("{{scripts}}", scripts)
                .replace("{{main}}", main.toString().strip());
    }

    private static String read(String path) {
        try (var in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("portal page part " + path + " is missing from the jar", e);
        }
    }
}
