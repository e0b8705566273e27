package com.shisha.core.voice;

/** Why a voice note could not be turned into text. The reason is for the operator's log, never for the partner. */
public final class VoiceNoteException extends RuntimeException {

    public enum Kind {
        /** no speech model for the language, or it failed to load */
        UNAVAILABLE,
        /** longer than the configured maximum */
        TOO_LONG,
        /** a media type or codec we cannot decode */
        UNSUPPORTED,
        /** download or decode failed */
        FAILED
    }

    private final Kind kind;

    public VoiceNoteException(Kind kind, String reason) {
        super(reason);
        this.kind = kind;
    }

    public VoiceNoteException(Kind kind, String reason, Throwable cause) {
        super(reason, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
