package com.shisha.dialogs;

import com.shisha.core.journey.Journey;
import com.shisha.core.journey.LeadMatcher;
import com.shisha.core.journey.PitchTips;
import com.shisha.core.journey.QuizBank;

import java.time.Clock;

/** What the journey dialogs need from outside: data (through bot-core ports), the quiz bank, ranking, tips, time. */
public record JourneyServices(Journey journey, QuizBank quizBank, LeadMatcher matcher, PitchTips pitchTips, Clock clock) {
}
