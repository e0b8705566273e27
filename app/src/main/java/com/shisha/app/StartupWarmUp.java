package com.shisha.app;

import com.shisha.ai.coach.KnowledgeBaseCoach;
import com.shisha.dialogs.understanding.Understanding;
import com.shisha.persistence.StoreSettings;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the two longest computations of a start on threads of their own, before the embedded servers and the
 * application context: indexing the coach's guide and training the understanding model. The beans that need them
 * wait only for what is left; on two cores the context's own work fills the other.
 */
public class StartupWarmUp implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        StoreSettings stores;
        try {
            stores = ShishaSettings.load(environment).stores();
        } catch (RuntimeException invalid) {
            return; // nothing to warm: the next post-processor refuses the start and names the setting
        }
        KnowledgeBaseCoach.prepare(AiConfig.coachCache(stores));
        Understanding.prepare();
    }

    /** After the configuration files are read (the data folder may be set there), before the embedded servers. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
