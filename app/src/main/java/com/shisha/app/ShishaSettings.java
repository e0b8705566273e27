package com.shisha.app;

import com.shisha.ai.AiSettings;
import com.shisha.channels.ChannelSettings;
import com.shisha.channels.twilio.TwilioSettings;
import com.shisha.core.CoreSettings;
import com.shisha.core.SettingsReader;
import com.shisha.persistence.StoreSettings;
import com.shisha.web.WebSettings;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * Every setting of the service, one record per module, each variable read once by its module's factory
 * (docs/configuration.md lists them all). Loaded before the embedded servers start, so a bad value stops start-up in
 * milliseconds with the variable's name, and again as a bean for the context (see {@link SettingsConfig}).
 *
 * @param production    the production profile (SPRING_PROFILES_ACTIVE=production): development shortcuts are refused
 * @param serverPort    SERVER_PORT, which Spring serves on; checked here, and Twilio's default public URL names it
 * @param metricsSample how often the database figures for Prometheus are read (SHISHA_METRICS_SAMPLE_SECONDS); zero: never
 */
record ShishaSettings(boolean production, int serverPort, Duration metricsSample, StoreSettings stores, CoreSettings core,
                      ChannelSettings channels, AiSettings ai, WebSettings web) {

    static ShishaSettings load(Environment environment) {
        return read(new SettingsReader(environment::getProperty), environment.acceptsProfiles(Profiles.of("production")));
    }

    static ShishaSettings read(SettingsReader r, boolean production) {
        int serverPort = r.integer("SERVER_PORT", 8080, 0, 65535);
        StoreSettings stores = StoreSettings.read(r);
        ChannelSettings channels = ChannelSettings.read(r, serverPort);
        CoreSettings core = CoreSettings.read(r, stores.dataDir());
        AiSettings ai = AiSettings.read(r);
        String whatsappNumber = channels.twilio().map(TwilioSettings::whatsappFrom)
                .map(from -> from.replaceFirst("^whatsapp:", "").replaceFirst("^\\+", "")).orElse(null);
        WebSettings web = WebSettings.read(r, production, whatsappNumber);
        Duration metricsSample = r.duration("SHISHA_METRICS_SAMPLE_SECONDS", ChronoUnit.SECONDS, 15, 0, 3600);
        return new ShishaSettings(production, serverPort, metricsSample, stores, core, channels, ai, web);
    }
}
