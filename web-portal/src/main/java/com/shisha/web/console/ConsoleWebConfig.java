package com.shisha.web.console;

import com.shisha.core.companion.LoginLockout;
import com.shisha.core.console.AuditLog;
import com.shisha.core.console.StaffAccounts;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.time.Clock;

/** The console's sign-in and the filter in front of its API. */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfig {

    @Bean
    StaffSessions staffSessions(ConsoleSettings settings, StaffAccounts staff) {
        return new StaffSessions(settings, staff, Clock.systemUTC());
    }

    @Bean
    StaffSignIn staffSignIn(StaffAccounts staff, AuditLog audit, LoginLockout lockout, ConsoleSettings settings) {
        return new StaffSignIn(staff, audit, lockout, settings);
    }

    @Bean
    FilterRegistrationBean<ConsoleAuthFilter> consoleAuthFilter(StaffSessions sessions) {
        FilterRegistrationBean<ConsoleAuthFilter> registration = new FilterRegistrationBean<>(new ConsoleAuthFilter(sessions));
        // after the path guard and the body limit, like the API's own session filter
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100 + 50);
        registration.addUrlPatterns("/console/api/*");
        return registration;
    }
}
