-- The partner's city as the gazetteer knows it: its state (names repeat across states) and its coordinates, so
-- leads can be ranked by distance. Null for profiles made before, or elsewhere without a known place.
alter table partners
    add column state     text,
    add column latitude  double precision check (latitude between -90 and 90),
    add column longitude double precision check (longitude between -180 and 180);
