package com.shisha.web.api;

import com.shisha.core.companion.RequestLimiter;
import com.shisha.core.companion.SessionVersions;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import java.time.Clock;
import java.util.List;

/**
 * The companion API's gates, in the order a request meets them: the path guard (on everything), the content type guard (on
 * everything), security headers (on everything), CORS,
 * body size, the per-address limit, then the session check with the per-partner limit. Plain servlet filters
 * rather than Spring Security: the API has one way in (a bearer token of ours) and the webhooks and the
 * simulator must stay exactly as they are, which a security filter chain would have to be taught to leave alone.
 */
@Configuration(proxyBeanMethods = false)
class ApiWebConfig {

    @Bean
    SessionTokens sessionTokens(ApiSettings settings, SessionVersions versions, Clock clock) {
        return new SessionTokens(settings, versions, clock);
    }

    /** First of all filters, so no gate can be skipped by a path the gates read differently from the container. */
    @Bean
    FilterRegistrationBean<PathGuardFilter> pathGuardFilter() {
        FilterRegistrationBean<PathGuardFilter> registration = new FilterRegistrationBean<>(new PathGuardFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Right after the path guard and the webhooks (which answer themselves), before anything reads a header's media type. */
    @Bean
    FilterRegistrationBean<ContentTypeGuardFilter> contentTypeGuardFilter() {
        FilterRegistrationBean<ContentTypeGuardFilter> registration = new FilterRegistrationBean<>(new ContentTypeGuardFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
        return registration(new SecurityHeadersFilter(), 10, "/*");
    }

    @Bean
    FilterRegistrationBean<CorsFilter> apiCorsFilter(ApiSettings settings) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(settings.corsOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type"));
        cors.setExposedHeaders(List.of("Retry-After"));
        // bearer tokens, not cookies: no credentials mode needed
        cors.setAllowCredentials(false);
        cors.setMaxAge(600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/v1/**", cors);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new JsonCorsProcessor());
        return registration(filter, 20, "/api/*");
    }

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(ApiSettings settings) {
        return registration(new BodyLimitFilter(settings.maxBodyBytes()), 30, "/api/*");
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(ApiSettings settings, RequestLimiter limiter) {
        return registration(new RateLimitFilter(limiter, settings.ipPerMinute()), 40, "/api/*");
    }

    @Bean
    FilterRegistrationBean<SessionAuthFilter> sessionAuthFilter(ApiSettings settings, SessionTokens tokens, RequestLimiter limiter) {
        return registration(new SessionAuthFilter(tokens, limiter, settings.partnerPerMinute()), 50, "/api/*");
    }

    @Bean
    FilterRegistrationBean<WebChatGate> webChatGate(WebChatSettings webChat, ApiSettings settings, SessionTokens tokens,
                                                    com.shisha.core.companion.PartnerAccounts partners, RequestLimiter limiter) {
        return registration(new WebChatGate(webChat, tokens, partners, limiter, settings.ipPerMinute(), settings.partnerPerMinute()),
                45, "/api/*");
    }

    private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> registration(F filter, int order, String pattern) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100 + order);
        registration.addUrlPatterns(pattern);
        return registration;
    }

    @Bean
    OpenAPI companionApi() {
        return new OpenAPI()
                .info(new Info().title("SHISHA companion API").version("v1")
                        .description("The partner app's API: sign in with a Firebase ID token (POST /api/v1/session), "
                                + "then send Authorization: Bearer <token>. Errors are {error, message, status[, fields]}."))
                .components(new Components().addSecuritySchemes("session",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("session"));
    }
}
