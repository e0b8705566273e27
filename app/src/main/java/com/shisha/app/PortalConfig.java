package com.shisha.app;

import com.shisha.core.InvalidConfigurationException;
import com.shisha.core.companion.LoginLockout;
import com.shisha.core.companion.PortalAccounts;
import com.shisha.persistence.jdbc.JdbcPortalAccounts;
import com.shisha.persistence.redis.RedisLoginLockout;
import com.shisha.channels.twilio.TwilioSettings;
import com.shisha.web.api.ApiSettings;
import com.shisha.web.api.PortalSettings;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The web portal's accounts: settings from the environment, the JDBC store and the Redis lockout. */
@Configuration(proxyBeanMethods = false)
class PortalConfig {

    private static final Logger log = LoggerFactory.getLogger(PortalConfig.class);

    /** Our WhatsApp number only when Twilio is on with a WhatsApp sender: otherwise no code could be delivered. */
    @Bean
    PortalSettings portalSettings(Environment environment, ApiSettings api, ChannelsConfig.TwilioSetup twilio) {
        Env env = new Env(environment);
        String whatsapp = twilio.settings().map(TwilioSettings::whatsappFrom).map(from -> {
            String digits = from.replaceFirst("^whatsapp:", "").replaceFirst("^\\+", "");
            if (!digits.matches("[1-9][0-9]{7,14}")) {
                throw new InvalidConfigurationException("TWILIO_WHATSAPP_FROM", "must be whatsapp:+<country code><number>, e.g. whatsapp:+14155238886");
            }
            return digits;
        }).orElse(null);
        if (whatsapp == null) {
            log.warn("WhatsApp is off: portal codes (phone confirmation, password reset) cannot be delivered{}",
                    api.devSignIn() ? "; development mode shows them on the page" : ", so nobody can register or reset a password");
        }
        String appUrl = env.get("SHISHA_APP_URL").map(url -> {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationException("SHISHA_APP_URL", "is not a URL: " + url);
            }
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new InvalidConfigurationException("SHISHA_APP_URL", "must be an http(s) URL, e.g. https://play.google.com/store/apps/details?id=...");
            }
            return url;
        }).orElse(null);
        Optional<String> template = env.get("TWILIO_TEMPLATE_PORTAL_CODE");
        if (template.isPresent() && !template.get().matches("HX[0-9a-fA-F]{32}")) {
            throw new InvalidConfigurationException("TWILIO_TEMPLATE_PORTAL_CODE", "must be a Twilio Content SID: HX followed by 32 hex digits");
        }
        return new PortalSettings(whatsapp, appUrl,
                env.integer("SHISHA_PORTAL_MAX_FAILED_LOGINS", 5, 1, 100),
                Duration.ofMinutes(env.integer("SHISHA_PORTAL_LOCKOUT_MINUTES", 15, 1, 24 * 60)),
                Duration.ofMinutes(env.integer("SHISHA_PORTAL_CODE_MINUTES", 15, 2, 60)),
                template.orElse(null), api.devSignIn());
    }

    @Bean
    PortalAccounts portalAccounts(JdbcClient jdbc, PlatformTransactionManager transactions) {
        return new JdbcPortalAccounts(jdbc, new TransactionTemplate(transactions));
    }

    @Bean
    LoginLockout loginLockout(RedissonClient redisson) {
        return new RedisLoginLockout(redisson, "shisha:portal:login-failures:");
    }
}
