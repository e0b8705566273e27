package com.shisha.app;

import com.shisha.persistence.embedded.EmbeddedInfrastructure;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
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
        EmbeddedInfrastructure.stopExplicitly();
        SpringApplication app = new SpringApplication(ShishaApplication.class);
        // registered before any other bean, so destroyed after all of them: requests drain, workers stop,
        // connections close, and only then do the embedded servers (if any) go down
        app.addInitializers(context -> ((DefaultListableBeanFactory) context.getBeanFactory())
                .registerDisposableBean("embeddedServers", EmbeddedInfrastructure::stopShared));
        try {
            app.run(args);
        } catch (RuntimeException e) {
            // Boot has reported why; the in-process S3 server's threads would otherwise keep a failed service alive
            EmbeddedInfrastructure.stopShared();
            System.exit(1);
        }
    }
}
