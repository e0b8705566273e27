package com.shisha.core.journey;

import com.shisha.core.Language;

import java.util.Map;

/** The one thing SHISHA suggests a partner does next, already worded in both languages (nudges reuse it). */
public record NextBestAction(String kind, Map<String, String> params, String textEn, String textHi) {

    public NextBestAction {
        params = Map.copyOf(params);
    }

    public String text(Language language) {
        return language == Language.HI ? textHi : textEn;
    }
}
