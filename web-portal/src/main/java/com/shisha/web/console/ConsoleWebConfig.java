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

    @Bean(destroyMethod = "close")
    LeadImporter leadImporter(com.shisha.core.console.LeadImports imports) {
        return new LeadImporter(imports);
    }

    /** GroMo's systems bring leads in with a key of theirs (SHISHA_INTEGRATION_KEYS); none set: the door is closed. */
    @Bean
    FilterRegistrationBean<IntegrationKeyFilter> integrationKeyFilter(IntegrationKeys keys) {
        FilterRegistrationBean<IntegrationKeyFilter> registration = new FilterRegistrationBean<>(new IntegrationKeyFilter(keys));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100 + 50);
        registration.addUrlPatterns("/integrations/*");
        return registration;
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
