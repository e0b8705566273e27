package com.shisha.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Clean addresses for the portal's static pages. Forwarded, not redirected: the address bar keeps /login, and
 * the .html files stay reachable for old links (the simulator was /simulator.html).
 */
@Configuration(proxyBeanMethods = false)
class PageRoutes implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/register").setViewName("forward:/register.html");
        registry.addViewController("/login").setViewName("forward:/login.html");
        registry.addViewController("/forgot-password").setViewName("forward:/forgot-password.html");
        registry.addViewController("/partner/dashboard").setViewName("forward:/partner/dashboard.html");
        registry.addViewController("/simulator").setViewName("forward:/simulator.html");
        registry.addViewController("/privacy").setViewName("forward:/privacy.html");
        registry.addViewController("/terms").setViewName("forward:/terms.html");
    }
}
