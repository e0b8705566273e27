package com.shisha.dialogs.understanding;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GazetteerTest {

    private final Gazetteer g = Gazetteer.india();

    /** Each line of the corpus is a phrase and the place it names ("Name" or "Name, State"), or - for none. */
    @Test
    void everyPhraseOfTheCorpusNamesItsPlace() throws IOException {
        List<String> failures = new ArrayList<>();
        int lines = 0;
        try (InputStream in = getClass().getResourceAsStream("/gazetteer/places.tsv")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                lines++;
                String[] f = line.split("\t");
                String phrase = f[0];
                String expected = f[1];
                Optional<Place> found = g.find(phrase);
                String got = found.map(p -> expected.contains(",") ? p.nameWithState() : p.name()).orElse("-");
                if (!got.equals(expected)) {
                    failures.add(phrase + " -> " + found.map(Gazetteer::describe).orElse("-") + ", expected " + expected);
                }
            }
        }
        assertTrue(lines >= 150, "corpus has " + lines + " phrases");
        assertEquals(List.of(), failures, failures.size() + " of " + lines + " phrases");
    }

    @Test
    void suggestionsOfferTheNearestPlacesWhenFindGivesNone() {
        assertEquals(Optional.empty(), g.find("Bhopl"), "four letters are too few to forgive a missing one");
        assertTrue(g.suggestions("Bhopl", 5).stream().anyMatch(p -> p.name().equals("Bhopal")), "Bhopl");
        assertEquals("Bengaluru", g.suggestions("Bangalor", 3).get(0).name());
        assertTrue(names(g.suggestions("Gwaliar city", 3)).contains("Gwalior"));
        assertTrue(names(g.suggestions("main Jabalpr se hu", 3)).contains("Jabalpur"));
        List<Place> five = g.suggestions("Rampur", 5);
        assertEquals(5, five.size());
        assertEquals("Rampur", five.get(0).name(), "an exact name first, the largest of the name");
        assertTrue(five.get(0).population() >= five.stream().filter(p -> p.name().equals("Rampur"))
                .mapToLong(Place::population).max().orElseThrow());
    }

    @Test
    void suggestionsAreEmptyWhenNothingIsNear() {
        for (String nonsense : List.of("", "xyz", "asdf", "qwertyuiop", "don't know", "pata nahi", "ok", "मैं")) {
            assertEquals(List.of(), g.suggestions(nonsense, 5), nonsense);
        }
        assertEquals(List.of(), g.suggestions("Indore", 0));
    }

    @Test
    void aStateAloneSuggestsItsLargestPlaces() {
        List<Place> goa = g.suggestions("Goa", 3);
        assertEquals(3, goa.size());
        assertTrue(goa.stream().allMatch(p -> p.state().equals("Goa")));
        assertTrue(goa.get(0).population() >= goa.get(1).population());
    }

    @Test
    void byNameReadsBackEveryStoredPlace() {
        for (Place p : g.places()) {
            Place back = g.byName(p.nameWithState()).orElseThrow(() -> new AssertionError(p.nameWithState()));
            assertEquals(p.name(), back.name());
            assertEquals(p.state(), back.state());
            Place largest = g.byName(p.name()).orElseThrow();
            assertTrue(largest.population() >= p.population(), p.name());
            assertEquals(p, g.byId(p.geonamesId()).orElseThrow());
        }
        assertEquals(Optional.empty(), g.byName("Atlantis"));
        assertEquals("Aurangabad", g.byName("aurangabad, bihar").orElseThrow().name());
    }

    /**
     * With its state after it, every place is found, unless its name is too short or a common word (Un, Rehti),
     * or a larger place of the same state bears the same name (the larger one is meant).
     */
    @Test
    void everyPlaceIsFoundByItsNameAndState() {
        List<String> lost = new ArrayList<>();
        for (Place p : g.places()) {
            Optional<Place> found = g.find(p.name() + " " + p.state());
            String letters = String.join("", PlaceKeys.words(p.name()));
            boolean unreachable = letters.length() < 3 || StopWords.isStop(letters);
            boolean namesake = found.isPresent() && found.get().name().equals(p.name())
                    && found.get().state().equals(p.state()) && found.get().population() >= p.population();
            if (!unreachable && !namesake && (found.isEmpty() || !found.get().equals(p))) {
                lost.add(Gazetteer.describe(p) + " -> " + found.map(Gazetteer::describe).orElse("-"));
            }
        }
        assertEquals(List.of(), lost, lost.size() + " places");
    }

    @Test
    void theDataCoversIndia() {
        List<Place> places = g.places();
        assertTrue(places.size() >= 2900, places.size() + " places");
        Set<String> states = new TreeSet<>();
        Set<Long> ids = new HashSet<>();
        for (Place p : places) {
            states.add(p.state());
            assertTrue(ids.add(p.geonamesId()), "duplicate id " + p.geonamesId());
            assertTrue(p.latitude() > 6.5 && p.latitude() < 37.2, Gazetteer.describe(p) + " latitude " + p.latitude());
            assertTrue(p.longitude() > 68.0 && p.longitude() < 97.5, Gazetteer.describe(p) + " longitude " + p.longitude());
            assertTrue(Devanagari.contains(p.nameHi()) && !p.nameHi().matches(".*[A-Za-z].*"), p.nameHi());
            assertTrue(Devanagari.contains(p.stateHi()), p.stateHi());
            assertFalse(p.name().isBlank());
            assertTrue(p.population() >= 0);
        }
        assertEquals(new TreeSet<>(IndianStates.ALIASES.keySet()), states, "all 28 states and 8 union territories");
        assertEquals(36, states.size());
        long tenThousand = places.stream().filter(p -> p.population() >= 10_000).count();
        assertTrue(tenThousand >= 2900, tenThousand + " places of 10,000 or more");
    }

    @Test
    void noSharedKeyLeavesFindAChoiceWithoutARule() {
        List<String> ambiguous = new ArrayList<>();
        for (Map.Entry<String, List<Place>> e : g.sharedKeys().entrySet()) {
            List<Place> ps = e.getValue();
            for (int i = 0; i < ps.size(); i++) {
                for (int j = i + 1; j < ps.size(); j++) {
                    Place a = ps.get(i);
                    Place b = ps.get(j);
                    // the larger place wins unless the message names the other's state; equal both ways is a coin
                    if (a.state().equals(b.state()) && a.population() == b.population()) {
                        ambiguous.add(e.getKey() + ": " + Gazetteer.describe(a) + " / " + Gazetteer.describe(b));
                    }
                }
                if (i > 0) {
                    assertTrue(ps.get(i - 1).population() >= ps.get(i).population(), e.getKey());
                }
            }
        }
        assertEquals(List.of(), ambiguous);
    }

    @Test
    void hindiFillerWordsAreStopWordsOnceRomanised() {
        for (String w : List.of("मैं", "में", "से", "हूँ", "हूं", "का", "की", "के", "को", "है", "हैं", "काम", "करता",
                "करती", "करते", "रहता", "रहती", "रहते", "मेरा", "मेरी", "हम", "शहर", "गाँव", "गांव", "जिला", "पास",
                "यहाँ", "वहाँ", "नहीं", "मुझे", "नाम", "घर", "और", "भी")) {
            String latin = String.join(" ", PlaceKeys.words(w));
            assertTrue(StopWords.isStop(latin), w + " romanises to " + latin);
        }
    }

    @Test
    void keysForgiveRomanisation() {
        assertEquals(PlaceKeys.key("Bhopal"), PlaceKeys.key("भोपाल"));
        assertEquals(PlaceKeys.key("Jabalpur"), PlaceKeys.key("Jabbalpur"));
        assertEquals(PlaceKeys.key("Chhattisgarh"), PlaceKeys.key("Chattisgadh"));
        assertEquals(PlaceKeys.key("Varanasi"), PlaceKeys.key("Vaaraanasee"));
        assertEquals(PlaceKeys.key("Wardha"), PlaceKeys.key("Vardha"));
        assertEquals(PlaceKeys.key("Ramgarh"), PlaceKeys.key("रामगढ़"));
        assertEquals(PlaceKeys.key("Sambhal"), PlaceKeys.key("संभल"));
        assertEquals(PlaceKeys.key("Ghaziabad"), PlaceKeys.key("Gaziabad"));
        assertEquals(PlaceKeys.key("Kozhikode"), PlaceKeys.key("Kojhikode"));
        assertEquals(1, PlaceKeys.distance(PlaceKeys.key("Lucknow"), PlaceKeys.key("Lucknwo"), 3));
    }

    @Test
    void theGazetteerIsLoadedOnce() throws InterruptedException {
        Gazetteer[] seen = new Gazetteer[4];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < seen.length; i++) {
            int k = i;
            Thread t = new Thread(() -> seen[k] = Gazetteer.india());
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        for (Gazetteer x : seen) {
            assertSame(g, x);
        }
    }

    private static List<String> names(List<Place> ps) {
        return ps.stream().map(Place::name).toList();
    }
}
