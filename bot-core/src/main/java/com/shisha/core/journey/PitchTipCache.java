package com.shisha.core.journey;

import com.shisha.core.journey.PitchTips.PitchTip;

import java.util.Optional;

/**
 * Generated pitch tips shared by every app instance and kept across restarts. Entries expire on their own
 * (the implementation's time to live), so tips are regenerated as the knowledge base changes.
 */
public interface PitchTipCache {

    Optional<PitchTip> get(String key);

    void put(String key, PitchTip tip);
}
