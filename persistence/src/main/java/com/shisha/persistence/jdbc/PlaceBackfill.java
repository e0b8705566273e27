package com.shisha.persistence.jdbc;

import com.shisha.core.journey.GeoPoint;
import com.shisha.core.journey.PlaceLocator;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts leads and partners stored with a city name only on the map, and lists the towns leads are in. Run after
 * leads are seeded or imported and at start-up; rows already placed are not touched, so it is cheap to repeat.
 */
public final class PlaceBackfill {

    private PlaceBackfill() {
    }

    public record Filled(int leads, int partners, int unknownCities) {
    }

    public static Filled fill(JdbcClient jdbc, PlaceLocator locator) {
        int unknown = 0;
        List<String[]> leadCities = jdbc.sql("select distinct city, state from leads where latitude is null")
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)}).list();
        List<String> cities = new ArrayList<>(), states = new ArrayList<>();
        List<Double> lats = new ArrayList<>(), lons = new ArrayList<>();
        for (String[] c : leadCities) {
            Optional<GeoPoint> at = locator.locate(c[0], c[1]);
            if (at.isEmpty()) {
                unknown++;
                continue;
            }
            cities.add(c[0]);
            states.add(c[1]);
            lats.add(at.get().latitude());
            lons.add(at.get().longitude());
        }
        int leads = cities.isEmpty() ? 0 : jdbc.sql("""
                        update leads l set latitude = v.lat, longitude = v.lon
                        from unnest(cast(:cities as text[]), cast(:states as text[]), cast(:lats as float8[]),
                                    cast(:lons as float8[])) as v(city, state, lat, lon)
                        where l.city = v.city and l.state = v.state and l.latitude is null""")
                .param("cities", cities.toArray(String[]::new)).param("states", states.toArray(String[]::new))
                .param("lats", lats.toArray(Double[]::new)).param("lons", lons.toArray(Double[]::new))
                .update();
        if (leads > 0 || jdbc.sql("select count(*) from lead_places").query(Long.class).single() == 0) {
            jdbc.sql("""
                    insert into lead_places (city_key, state, latitude, longitude)
                    select lower(city), state, min(latitude), min(longitude) from leads where latitude is not null
                    group by lower(city), state
                    on conflict do nothing""").update();
        }
        List<String> partnerCities = jdbc.sql("select distinct city from partners where latitude is null and city is not null")
                .query(String.class).list();
        int partners = 0;
        for (String city : partnerCities) {
            // generated and older profiles have no state: the gazetteer's first place of that name (the largest)
            Optional<GeoPoint> at = locator.locate(city, null);
            if (at.isEmpty()) {
                unknown++;
                continue;
            }
            partners += jdbc.sql("update partners set latitude = :lat, longitude = :lon where city = :city and latitude is null")
                    .param("lat", at.get().latitude()).param("lon", at.get().longitude()).param("city", city).update();
        }
        return new Filled(leads, partners, unknown);
    }
}
