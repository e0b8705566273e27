package com.shisha.dialogs;

enum Trigger {
    /** Any ordinary text. Guards on the transitions decide what it means in the current step. */
    TEXT,
    /** LANGUAGE, from any step. */
    CHANGE_LANGUAGE,
    /** MENU once onboarded. */
    SHOW_MENU,
    /** Journey commands, from any journey step once onboarded (typed, or picked from the main menu). */
    QUIZ,
    LEADS,
    PROGRESS,
    TOP,
    TIPS,
    FOLLOW,
    UNFOLLOW,
    /** Coach mode: every text is a question for the coach until MENU. */
    COACH,
    /** Call review: the next recording or pasted transcript is reviewed. */
    REVIEW
}
