package com.shisha.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The runnable service. Only wiring lives here; behaviour lives in the modules. Scans the app and the web
 * portal; channel adapters are wired explicitly in {@link ChannelsConfig} because which ones exist depends
 * on configuration.
 */
@SpringBootApplication(scanBasePackages = {"com.shisha.app", "com.shisha.web"})
@EnableScheduling
public class ShishaApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShishaApplication.class, args);
    }
}
