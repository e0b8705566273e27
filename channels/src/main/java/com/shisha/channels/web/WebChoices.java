package com.shisha.channels.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.shisha.core.dialog.Choices;

import java.util.List;

/**
 * The choices a reply offers as the browser reads them (the "reply" event's {@code choices}): {@code kind} is
 * {@code buttons} (tap one) or {@code list} (a button labelled {@code button} opens the items); a tap is posted back
 * as the item's {@code id}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WebChoices(String kind, String button, List<Item> items) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(String id, String title, String description) {
    }

    static WebChoices of(Choices choices) {
        return choices == null ? null : new WebChoices(choices.kind() == Choices.Kind.BUTTONS ? "buttons" : "list", choices.button(),
                choices.items().stream().map(c -> new Item(c.id(), c.title(), c.description())).toList());
    }
}
