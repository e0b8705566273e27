package com.shisha.persistence.jdbc;

import com.shisha.core.pipeline.ChoiceContents;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Optional;

/** The provider's content for each choice set in PostgreSQL (V14, choice_contents): one row per set, first writer wins. */
public class JdbcChoiceContents implements ChoiceContents {

    private final JdbcClient jdbc;

    public JdbcChoiceContents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> find(String key) {
        return jdbc.sql("select content_sid from choice_contents where choices_key = :key")
                .param("key", key).query(String.class).optional();
    }

    @Override
    public String keep(String key, String contentId) {
        Optional<String> inserted = jdbc.sql("""
                        insert into choice_contents (choices_key, content_sid) values (:key, :sid)
                        on conflict (choices_key) do nothing
                        returning content_sid""")
                .param("key", key).param("sid", contentId).query(String.class).optional();
        // lost the race: a statement of its own, whose snapshot sees the winner's committed row (the insert above
        // waited for it, but its own snapshot is older)
        return inserted.orElseGet(() -> find(key).orElseThrow(
                () -> new IllegalStateException("choice content " + key + " conflicted but is not there")));
    }
}
