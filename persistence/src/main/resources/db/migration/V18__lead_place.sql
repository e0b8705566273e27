-- Where a lead's city is, resolved from the gazetteer when leads are seeded or imported (PlaceBackfill), so a
-- partner's leads can be ranked by distance. Null for a city the gazetteer does not know.
alter table leads
    add column latitude  double precision check (latitude between -90 and 90),
    add column longitude double precision check (longitude between -180 and 180);

-- The towns leads are in, one row each: a LEADS turn picks the towns near the partner from these (a few hundred
-- rows, held in memory) instead of measuring the distance to every lead.
create table lead_places (
    city_key  text             not null,
    state     text             not null,
    latitude  double precision not null,
    longitude double precision not null,
    primary key (city_key, state)
);
