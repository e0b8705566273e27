package com.shisha.dialogs.leads;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The leads the partner was last shown, in list order, and the one opened from it, kept in the conversation's
 * slots: "3" opens the third lead of the list the partner sees, never one of a list they have not seen.
 */
public record LeadsOnScreen(List<Long> listed, Long opened) {

    static final String LISTED = "leads.ids";
    static final String OPENED = "lead.id";

    public LeadsOnScreen {
        listed = List.copyOf(listed);
        if (opened != null && !listed.isEmpty() && !listed.contains(opened)) {
            throw new IllegalArgumentException("lead " + opened + " was not on the list " + listed);
        }
    }

    public static LeadsOnScreen of(Map<String, String> slots) {
        String ids = slots.get(LISTED);
        String opened = slots.get(OPENED);
        List<Long> listed = ids == null || ids.isEmpty() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
        Long open = opened == null ? null : Long.valueOf(opened);
        return new LeadsOnScreen(listed, open != null && !listed.isEmpty() && !listed.contains(open) ? null : open);
    }

    void writeTo(Map<String, String> slots) {
        if (listed.isEmpty()) {
            slots.remove(LISTED);
        } else {
            slots.put(LISTED, listed.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        if (opened == null) {
            slots.remove(OPENED);
        } else {
            slots.put(OPENED, Long.toString(opened));
        }
    }

    static LeadsOnScreen listing(List<Long> ids) {
        return new LeadsOnScreen(ids, null);
    }

    /** The lead at this place of the list (1 = the first); empty for a number off the list. */
    Optional<Long> at(int number) {
        return number >= 1 && number <= listed.size() ? Optional.of(listed.get(number - 1)) : Optional.empty();
    }

    LeadsOnScreen open(long id) {
        return new LeadsOnScreen(listed, id);
    }
}
