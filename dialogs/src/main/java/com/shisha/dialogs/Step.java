package com.shisha.dialogs;

/** The dialog's states. Stored by name in the conversation row, so renaming one needs a data migration. */
enum Step {
    START,
    ASK_NAME,
    ASK_LANGUAGE,
    ASK_CITY,
    ASK_PRODUCTS,
    CONFIRM,
    EDIT,
    MAIN_MENU,
    /** A quiz question is waiting for its answer. */
    QUIZ,
    /** The partner's top leads are shown; a number opens one. */
    LEADS,
    /** One lead is shown; the partner reports how it went. */
    LEAD,
    /** The partner reported a sale; the amount is asked. */
    SALE_AMOUNT,
    /** Coach mode: each message is a question for the coach. */
    COACH,
    /** Waiting for a sales-call recording or a pasted transcript to review. */
    CALL_REVIEW,
    /** Choice pseudo-state: after each answer, go to the first thing still missing. Never stored. */
    ROUTE,
    /** Choice pseudo-state: after a quiz answer, the next question or the summary. Never stored. */
    QUIZ_ROUTE;

    /** Where journey commands (QUIZ, LEADS, ...) are taken; elsewhere onboarding is still under way. */
    static final java.util.Set<Step> JOURNEY = java.util.EnumSet.of(MAIN_MENU, QUIZ, LEADS, LEAD, SALE_AMOUNT,
            COACH, CALL_REVIEW);

    static Step of(String stored) {
        if (stored == null) {
            return START;
        }
        try {
            Step step = valueOf(stored);
            return step == ROUTE || step == QUIZ_ROUTE ? START : step;
        } catch (IllegalArgumentException e) {
            return START;
        }
    }
}
