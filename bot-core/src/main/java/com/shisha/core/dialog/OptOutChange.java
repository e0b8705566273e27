package com.shisha.core.dialog;

public enum OptOutChange {
    NONE,
    /** STOP and its synonyms: nothing more is sent to this address until it opts back in. */
    OPT_OUT,
    /** START: sending may resume. */
    OPT_IN
}
