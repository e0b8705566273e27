package com.shisha.ai.tips;

import com.shisha.core.journey.PitchTipCache;
import com.shisha.core.journey.PitchTips.PitchTip;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A shared cache two LlmPitchTips can sit on, as two app instances sit on one Redis. */
final class InMemoryPitchTipCache implements PitchTipCache {

    final Map<String, PitchTip> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<PitchTip> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public void put(String key, PitchTip tip) {
        entries.put(key, tip);
    }
}
