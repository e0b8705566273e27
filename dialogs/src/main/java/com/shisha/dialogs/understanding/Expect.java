package com.shisha.dialogs.understanding;

/** What the conversation's current step waits for: it decides which readings of a message are in play. */
public enum Expect {
    /** The main menu (or any step that takes free text): commands, questions, greetings. */
    MENU,
    NAME,
    CITY,
    /** A yes or no (confirming the profile, a name read back, an offer). */
    YES_NO,
    /** How the call to the lead on screen went. */
    OUTCOME,
    AMOUNT,
    /** A quiz question's option. */
    QUIZ_ANSWER,
    /** Coach mode: every message that is not a clear command is a question. */
    COACH,
    /** A sales call to review (a pasted transcript): long text is never a command. */
    CALL
}
