package com.shisha.ai.leads;

import com.shisha.ai.leads.sim.Evaluation;
import com.shisha.ai.leads.sim.LeadOutcomeSimulator;
import com.shisha.core.journey.LeadScorer;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tribuo is an optional dependency of ai, absent from the app: scoring (and the simulator) must load and run
 * without it. Scores a small simulation in a class loader whose class path is this test's minus Tribuo and its
 * dependencies, and expects exactly the AUC this loader gets.
 */
class ScoringWithoutTribuoTest {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void scoresWithoutTribuoOnTheClassPath() throws Exception {
        String[] classPath = System.getProperty("java.class.path").split(File.pathSeparator);
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath) {
            if (!entry.matches(".*(tribuo|olcut|protobuf).*")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        assertThat(urls).hasSizeLessThan(classPath.length);
        double expected = Evaluation.auc(LearnedLeadScorer.fromClasspath(),
                LeadOutcomeSimulator.simulate(new LeadOutcomeSimulator.Settings(1, 50, 20, START)));

        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> loader.loadClass("org.tribuo.Model")).isInstanceOf(ClassNotFoundException.class);
            // everything below is built by the other loader's classes: records of two loaders are different types
            Class<?> settings = loader.loadClass(LeadOutcomeSimulator.Settings.class.getName());
            Object run = settings.getDeclaredConstructor(long.class, int.class, int.class, Instant.class)
                    .newInstance(1L, 50, 20, START);
            Object contacts = loader.loadClass(LeadOutcomeSimulator.class.getName()).getMethod("simulate", settings)
                    .invoke(null, run);
            Object scorer = loader.loadClass(LearnedLeadScorer.class.getName()).getMethod("fromClasspath").invoke(null);
            Object auc = loader.loadClass(Evaluation.class.getName())
                    .getMethod("auc", loader.loadClass(LeadScorer.class.getName()), List.class)
                    .invoke(null, scorer, contacts);

            assertThat(scorer.getClass().getClassLoader()).isSameAs(loader);
            assertThat((double) auc).isEqualTo(expected);
        }
    }
}
