package com.shisha.web;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts {@link ContainerErrorValve} in place of the HTML one on the embedded Tomcat's host. */
@Configuration(proxyBeanMethods = false)
class ContainerErrorsConfig {

    @Bean
    JsonContainerErrors jsonContainerErrors() {
        return new JsonContainerErrors();
    }

    /** Last of the customizers: Spring Boot's own adds an HTML error report valve, which this one then replaces. */
    static final class JsonContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    // named too, so the host does not add its default (HTML) valve when it starts
                    host.setErrorReportValveClass(ContainerErrorValve.class.getName());
                    Pipeline pipeline = host.getPipeline();
                    for (Valve valve : pipeline.getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            pipeline.removeValve(valve);
                        }
                    }
                    pipeline.addValve(new ContainerErrorValve());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
