package com.shisha.persistence.console;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.orm.jpa.JpaTransactionManager;

/**
 * The console's data through JPA: its entities, repositories and the adapters behind the console's ports. Only
 * this package is JPA's; the pipeline's tables stay on their own JDBC and Hibernate never sees them. The console has
 * its own transaction manager, so the pipeline's transactions (one per turn) do not open an entity manager each.
 */
@Configuration(proxyBeanMethods = false)
@EntityScan(basePackageClasses = ConsolePersistence.class)
@EnableJpaRepositories(basePackageClasses = ConsolePersistence.class, transactionManagerRef = ConsolePersistence.TRANSACTIONS)
@ComponentScan(basePackageClasses = ConsolePersistence.class)
public class ConsolePersistence {

    public static final String TRANSACTIONS = "consoleTransactionManager";

    /** Also binds the JDBC connection, so JDBC work inside a console transaction (the outbox) commits with it. */
    @Bean(TRANSACTIONS)
    JpaTransactionManager consoleTransactionManager(EntityManagerFactory entityManagerFactory) {
        return new JpaTransactionManager(entityManagerFactory);
    }
}
