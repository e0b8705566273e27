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
    /** Choice pseudo-state: after each answer, go to the first thing still missing. Never stored. */
    ROUTE;

    static Step of(String stored) {
        if (stored == null) {
            return START;
        }
        try {
            Step step = valueOf(stored);
            return step == ROUTE ? START : step;
        } catch (IllegalArgumentException e) {
            return START;
        }
    }
}
