-- Staff edits of the coach's guide, one row per version of a section, never updated: the highest number of a
-- section is what the coach answers from; a section with no row is as shipped in the jar.
CREATE TABLE guide_versions (
    id         BIGSERIAL PRIMARY KEY,
    section_id TEXT        NOT NULL,
    number     INT         NOT NULL CHECK (number > 0),
    retired    BOOLEAN     NOT NULL,
    products   TEXT,
    skills     TEXT,
    title_en   TEXT,
    body_en    TEXT,
    title_hi   TEXT,
    body_hi    TEXT,
    questions  TEXT,
    note       TEXT,
    staff_id   BIGINT REFERENCES staff_members (id),
    created_at TIMESTAMPTZ NOT NULL,
    -- two editors saving the same section at once: one of them gets this number, the other is told to reload
    UNIQUE (section_id, number),
    CHECK (retired OR (skills IS NOT NULL AND title_en IS NOT NULL AND body_en IS NOT NULL
                       AND title_hi IS NOT NULL AND body_hi IS NOT NULL))
);
