package com.shisha.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The simulator at a clean address. Forwarded, not redirected: the address bar keeps /simulator, and
 * /simulator.html stays reachable for old links. The other pages are {@link PortalPages}.
 */
@Configuration(proxyBeanMethods = false)
class PageRoutes implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/simulator").setViewName("forward:/simulator.html");
        registry.addViewController("/console").setViewName("forward:/console/index.html");
    }
}
