package com.shisha.ai.coach;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpsTest {

    @Test
    void questionsThatPointBackAreAboutTheLastTopic() {
        assertThat(FollowUps.kind("and if she cannot repay?")).isEqualTo(FollowUps.Kind.POINTING);
        assertThat(FollowUps.kind("aur uske documents?")).isEqualTo(FollowUps.Kind.POINTING);
        assertThat(FollowUps.kind("उसका प्रीमियम कितना है?")).isEqualTo(FollowUps.Kind.POINTING);
    }

    @Test
    void shortQuestionsOnlyLeanToIt() {
        assertThat(FollowUps.kind("what about FD?")).isEqualTo(FollowUps.Kind.SHORT);
    }

    @Test
    void fullQuestionsAndSmallTalkStandAlone() {
        assertThat(FollowUps.kind("what documents does a salaried customer need for a personal loan")).isEqualTo(FollowUps.Kind.NONE);
        assertThat(FollowUps.kind("ok thanks sir")).isEqualTo(FollowUps.Kind.NONE);
        assertThat(FollowUps.kind("hello ji")).isEqualTo(FollowUps.Kind.NONE);
    }
}
