package com.shisha.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import com.shisha.persistence.StoreSettings;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

import com.shisha.dialogs.understanding.Gazetteer;
import com.shisha.persistence.jdbc.PlaceBackfill;
import com.shisha.persistence.seed.LeadGenerator;
import com.shisha.persistence.seed.PartnerGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Instant;

/**
 * Seeds demo partners in the zero-setup run (embedded database), so the portal and the simulator have someone
 * to show. A configured database gets them only with SHISHA_DEMO_DATA=true: production data is never touched.
 */
@Component
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final boolean enabled;
    private final int demoLeads;
    private final int demoPartners;

    /** Demo data goes into the embedded database of the zero-setup run, or anywhere with SHISHA_DEMO_DATA=true. */
    DemoData(DataSource dataSource, JdbcClient jdbc, StoreSettings stores) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.enabled = stores.demo().enabled();
        this.demoLeads = stores.demo().leads();
        this.demoPartners = stores.demo().partners();
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (enabled) {
            seedDemo();
        }
        // every start: leads imported or seeded since, and profiles from before places were kept, get coordinates
        PlaceBackfill.Filled filled = PlaceBackfill.fill(jdbc, Gazetteer.india());
        if (filled.leads() + filled.partners() + filled.unknownCities() > 0) {
            log.info("places: {} leads and {} partners placed on the map, {} cities not in the gazetteer",
                    filled.leads(), filled.partners(), filled.unknownCities());
        }
    }

    private void seedDemo() {
        new ResourceDatabasePopulator(new ClassPathResource("demo/partners.sql")).execute(dataSource);
        long leads = jdbc.sql("select count(*) from leads").query(Long.class).single();
        if (leads < demoLeads) {
            // only the missing ones, with a seed per call, so a bench can ask for more on a later start
            int n = LeadGenerator.fromSeedFiles().insertLeads(jdbc, (int) (demoLeads - leads), 42 + leads, Instant.now());
            log.info("demo data: {} leads added", n);
        }
        if (demoPartners > 0) {
            int n = PartnerGenerator.fromSeedFiles().insertPartners(jdbc, demoPartners, 7);
            log.info("demo data: {} generated partners added (+9197…, at the main menu)", n);
        }
        log.info("demo data: 5 partners (+919800000001 … +919800000005); open the simulator with one of these numbers to start at the main menu");
    }
}
