package com.shisha.dialogs.community;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The partners on the TOP list last shown, in order, kept in the conversation's slots: FOLLOW 2 means that list's 2. */
public record TopList(List<Long> partnerIds) {

    static final String SLOT = "top.ids";

    public TopList {
        partnerIds = List.copyOf(partnerIds);
    }

    static TopList of(Map<String, String> slots) {
        String ids = slots.get(SLOT);
        return new TopList(ids == null || ids.isEmpty() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList());
    }

    void writeTo(Map<String, String> slots) {
        slots.put(SLOT, partnerIds.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    Optional<Long> at(int number) {
        return number >= 1 && number <= partnerIds.size() ? Optional.of(partnerIds.get(number - 1)) : Optional.empty();
    }
}
