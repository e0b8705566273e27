package com.shisha.app;

import com.shisha.core.companion.LoginLockout;
import com.shisha.core.companion.PortalAccounts;
import com.shisha.persistence.jdbc.JdbcPortalAccounts;
import com.shisha.persistence.redis.RedisLoginLockout;
import com.shisha.web.api.ApiSettings;
import com.shisha.web.api.PortalSettings;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The web portal's accounts: the JDBC store and the Redis lockout. */
@Configuration(proxyBeanMethods = false)
class PortalConfig {

    private static final Logger log = LoggerFactory.getLogger(PortalConfig.class);

    /** Said at start-up: without WhatsApp, nobody can register or reset a password outside development. */
    @Bean
    PortalAccounts portalAccounts(JdbcClient jdbc, PlatformTransactionManager transactions, PortalSettings portal, ApiSettings api) {
        if (portal.whatsappNumber() == null) {
            log.warn("WhatsApp is off: portal codes (phone confirmation, password reset) cannot be delivered{}",
                    api.devSignIn() ? "; development mode shows them on the page" : ", so nobody can register or reset a password");
        }
        return new JdbcPortalAccounts(jdbc, new TransactionTemplate(transactions));
    }

    @Bean
    LoginLockout loginLockout(RedissonClient redisson) {
        return new RedisLoginLockout(redisson, "shisha:portal:login-failures:");
    }
}
