package com.shisha.dialogs;

import com.shisha.core.coach.CallReviews;
import com.shisha.core.coach.Coach;
import com.shisha.core.coach.CoachEscalations;
import com.shisha.core.journey.Journey;
import com.shisha.core.journey.LeadMatcher;
import com.shisha.core.journey.PitchTips;
import com.shisha.core.journey.QuizBank;

import java.time.Clock;

/**
 * What the journey dialogs need from outside: data (through bot-core ports), the quiz bank, ranking, tips, time,
 * and the AI services. {@code coach}, {@code callReviews} and {@code escalations} may be null: the dialogs then say
 * they are not open. (Whether a person from the team has a conversation comes with its state.)
 * {@code leadCalls}: SHISHA can connect a partner to a lead by phone (a Twilio voice number is configured).
 */
public record JourneyServices(Journey journey, QuizBank quizBank, LeadMatcher matcher, PitchTips pitchTips, Clock clock,
                              Coach coach, CallReviews callReviews, CoachEscalations escalations, boolean leadCalls) {

    public JourneyServices(Journey journey, QuizBank quizBank, LeadMatcher matcher, PitchTips pitchTips, Clock clock) {
        this(journey, quizBank, matcher, pitchTips, clock, null, null, null);
    }

    public JourneyServices(Journey journey, QuizBank quizBank, LeadMatcher matcher, PitchTips pitchTips, Clock clock,
                           Coach coach, CallReviews callReviews) {
        this(journey, quizBank, matcher, pitchTips, clock, coach, callReviews, null);
    }

    public JourneyServices(Journey journey, QuizBank quizBank, LeadMatcher matcher, PitchTips pitchTips, Clock clock,
                           Coach coach, CallReviews callReviews, CoachEscalations escalations) {
        this(journey, quizBank, matcher, pitchTips, clock, coach, callReviews, escalations, false);
    }
}
