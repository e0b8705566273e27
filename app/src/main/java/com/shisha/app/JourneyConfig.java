package com.shisha.app;

import com.shisha.ai.leads.BaselineLeadScorer;
import com.shisha.ai.leads.LearnedLeadScorer;
import com.shisha.core.coach.CallReviews;
import com.shisha.core.coach.Coach;
import org.springframework.beans.factory.ObjectProvider;
import com.shisha.core.journey.Journey;
import com.shisha.core.journey.LeadMatcher;
import com.shisha.core.journey.LeadScorer;
import com.shisha.core.journey.PitchTips;
import com.shisha.core.journey.QuizBank;
import com.shisha.persistence.seed.JourneySeeder;
import com.shisha.dialogs.JourneyServices;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import com.shisha.persistence.StoreSettings;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;

/** The partner journey: quiz bank, lead ranking and pitch tips, wired for the dialogs. */
@Configuration(proxyBeanMethods = false)
class JourneyConfig {

    /**
     * The bank is read from the seed file and also upserted into quiz_questions, which answers refer to. The
     * demo community (top partners and their tips) is seeded only where demo data is (see {@link DemoData}).
     */
    @Bean
    QuizBank quizBank(JdbcClient jdbc, StoreSettings stores) {
        JourneySeeder seeder = JourneySeeder.fromSeedFiles();
        seeder.seedQuestions(jdbc);
        if (stores.demo().enabled()) {
            seeder.seedCommunity(jdbc);
        }
        return seeder.quizBank();
    }

    /**
     * The learned model (docs/lead-scoring.md) ranks by default; SHISHA_LEAD_SCORER=baseline switches to the
     * transparent weighted scorer, e.g. to compare outcomes or should the model misbehave.
     */
    @Bean
    LeadScorer leadScorer(com.shisha.ai.AiSettings ai) {
        return ai.learnedLeadScorer() ? LearnedLeadScorer.fromClasspath() : new BaselineLeadScorer();
    }

    /** Names and places in Devanagari for Hindi readers: the gazetteer's Hindi names and a transliteration. */
    @Bean
    com.shisha.core.NamesInHindi namesInHindi() {
        return com.shisha.dialogs.understanding.InHindi.india();
    }

    /** One matcher for WhatsApp and the companion API: both reserve through it, so no lead has two holders. */
    @Bean
    LeadMatcher leadMatcher(Journey journey, LeadScorer scorer, Clock clock) {
        return new LeadMatcher(journey, scorer, clock);
    }

    @Bean
    JourneyServices journeyServices(Journey journey, QuizBank quizBank, LeadMatcher matcher, PitchTips tips, Clock clock,
                                    ObjectProvider<Coach> coach, ObjectProvider<CallReviews> callReviews,
                                    ObjectProvider<com.shisha.core.coach.CoachEscalations> escalations,
                                    com.shisha.core.call.PhoneLine phoneLine) {
        return new JourneyServices(journey, quizBank, matcher, tips, clock, coach.getIfAvailable(), callReviews.getIfAvailable(),
                escalations.getIfAvailable(), phoneLine.bridgesCalls());
    }
}
