package com.shisha.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * Seeds demo partners in the zero-setup run (embedded database), so the portal and the simulator have someone
 * to show. A configured database gets them only with SHISHA_DEMO_DATA=true: production data is never touched.
 */
@Component
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DataSource dataSource;
    private final boolean enabled;

    DemoData(DataSource dataSource, Environment env) {
        this.dataSource = dataSource;
        boolean embeddedDatabase = env.getProperty("DATABASE_URL", "").isBlank();
        this.enabled = env.getProperty("SHISHA_DEMO_DATA", Boolean.class, embeddedDatabase);
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!enabled) {
            return;
        }
        new ResourceDatabasePopulator(new ClassPathResource("demo/partners.sql")).execute(dataSource);
        log.info("demo data: 5 partners (+919800000001 … +919800000005); open the simulator with one of these numbers to start at the main menu");
    }
}
