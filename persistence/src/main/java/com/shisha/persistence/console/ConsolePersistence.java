package com.shisha.persistence.console;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The console's data through JPA: its entities, repositories and the adapters behind the console's ports. Only
 * this package is JPA's; the pipeline's tables stay on their own JDBC and Hibernate never sees them.
 */
@Configuration(proxyBeanMethods = false)
@EntityScan(basePackageClasses = ConsolePersistence.class)
@EnableJpaRepositories(basePackageClasses = ConsolePersistence.class)
@ComponentScan(basePackageClasses = ConsolePersistence.class)
public class ConsolePersistence {
}
