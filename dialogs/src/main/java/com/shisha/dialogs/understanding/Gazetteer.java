package com.shisha.dialogs.understanding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The cities and towns of India (every place of 10,000 people or more, and district seats), read from
 * {@code gazetteer/india-places.tsv}, which scripts/gazetteer builds from GeoNames. Answers which place a short
 * message names, in English, Hinglish or Hindi, and what it might have meant when it names none.
 *
 * <p>Immutable once loaded and safe to share between threads.
 */
public final class Gazetteer implements com.shisha.core.journey.PlaceLocator {

    static final String RESOURCE = "/gazetteer/india-places.tsv";
    static final String LOOKALIKES = "/gazetteer/english-lookalikes.txt";

    /** Longest place name in words that a message is searched for (Pandit Deen Dayal Upadhyaya Nagar). */
    private static final int MAX_SPAN = 5;

    private final List<Place> places;
    /** Per place: the keys of its official and former names (a rename keeps the old name as good as the new). */
    private final List<List<String>> primaryKeys;
    private final Map<String, int[]> exact;
    /** Fuzzy candidates by first letter of the key, each ordered by key length. */
    private final Entry[][] byInitial;
    /** Every key long enough to suggest from, ordered by key length. */
    private final Entry[] byLength;
    private final Map<String, List<Integer>> byName;
    /** Each name of each place as bare letters ("khanpur"), to prefer the place spelled exactly as typed. */
    private final Map<String, Set<Integer>> literal;
    /** The same for official and former names only: Kovur is Kovur, though Kovvur is also spelled so. */
    private final Map<String, Set<Integer>> literalOfficial;
    private final Map<Long, Integer> byId;
    /**
     * English words that read as a town's key or one of its many GeoNames spellings (barrel as Bareilly, deli as
     * Delhi): a town only when they are its name as written (Erode, Canning).
     */
    private final Set<String> lookalikes;

    private record Entry(String key, int place) {
    }

    private static final class Holder {
        static final Gazetteer INDIA = load();
    }

    /** The gazetteer of India, read on first use. */
    public static Gazetteer india() {
        return Holder.INDIA;
    }

    private static Gazetteer load() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new Gazetteer(Row.read(in), readLookalikes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> readLookalikes() throws IOException {
        try (InputStream in = Gazetteer.class.getResourceAsStream(LOOKALIKES)) {
            if (in == null) {
                return Set.of();
            }
            Set<String> words = new HashSet<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.trim());
                }
            }
            return Set.copyOf(words);
        }
    }

    /** One line of the data file. */
    record Row(Place place, List<String> alternates, List<String> formerNames, String hindiSource) {

        static List<Row> read(InputStream in) throws IOException {
            List<Row> rows = new ArrayList<>(4096);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split("\t", -1);
                Place p = new Place(f[0], f[1], f[2], f[3], Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                        Long.parseLong(f[6]), Long.parseLong(f[8]));
                rows.add(new Row(p, list(f[7]), list(f[9]), f[10]));
            }
            return rows;
        }

        private static List<String> list(String field) {
            return field.isEmpty() ? List.of() : List.of(field.split(","));
        }
    }

    Gazetteer(List<Row> rows, Set<String> lookalikes) {
        this.lookalikes = lookalikes;
        List<Place> ps = new ArrayList<>(rows.size());
        List<List<String>> primary = new ArrayList<>(rows.size());
        Map<String, Set<Integer>> primaryIndex = new HashMap<>();
        Map<String, Set<Integer>> lit = new HashMap<>();
        Map<String, Set<Integer>> litOfficial = new HashMap<>();
        Map<String, Set<Integer>> alternateIndex = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            ps.add(row.place());
            List<String> keys = new ArrayList<>();
            for (String name : concat(List.of(row.place().name()), row.formerNames())) {
                String k = usableKey(name);
                if (k != null) {
                    keys.add(k);
                    primaryIndex.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(i);
                }
            }
            primary.add(List.copyOf(keys));
            for (String name : concat(List.of(row.place().name()), row.formerNames())) {
                litOfficial.computeIfAbsent(String.join("", PlaceKeys.words(name)), x -> new HashSet<>()).add(i);
            }
            for (String name : row.alternates()) {
                lit.computeIfAbsent(String.join("", PlaceKeys.words(name)), x -> new HashSet<>()).add(i);
            }
            for (String name : row.alternates()) {
                String k = usableKey(name);
                if (k != null) {
                    alternateIndex.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(i);
                }
            }
        }
        this.places = List.copyOf(ps);
        this.primaryKeys = List.copyOf(primary);
        Map<String, Set<Integer>> all = new HashMap<>(primaryIndex);
        // An alternate spelling never takes a name from the place that officially bears it: "New Delhi" is among
        // Delhi's alternate names, and an old spelling of one town is often another town's name.
        alternateIndex.forEach((k, ids) -> {
            if (!primaryIndex.containsKey(k)) {
                all.put(k, ids);
            }
        });
        Comparator<Integer> biggestFirst = Comparator.comparingLong((Integer i) -> -places.get(i).population())
                .thenComparingInt(i -> i);
        Map<String, int[]> ex = new HashMap<>(all.size() * 2);
        List<Entry> entries = new ArrayList<>(all.size() + 64);
        all.forEach((k, ids) -> {
            int[] sorted = ids.stream().sorted(biggestFirst).mapToInt(Integer::intValue).toArray();
            ex.put(k, sorted);
            for (int id : sorted) {
                entries.add(new Entry(k, id));
            }
        });
        this.exact = ex;
        Comparator<Entry> byLen = Comparator.comparingInt((Entry e) -> e.key().length()).thenComparing(Entry::key)
                .thenComparingInt(Entry::place);
        this.byLength = entries.stream().filter(e -> e.key().length() >= 4).sorted(byLen).toArray(Entry[]::new);
        // Misspellings are matched against official and former names only: GeoNames' many alternate spellings
        // (Bombej, Kodial, Koil) are matched as written, or they would turn every other English word into a town.
        List<Entry> official = new ArrayList<>();
        for (int i = 0; i < primary.size(); i++) {
            for (String k : new LinkedHashSet<>(primary.get(i))) {
                official.add(new Entry(k, i));
            }
        }
        Entry[][] initial = new Entry[26][];
        for (char c = 'a'; c <= 'z'; c++) {
            char first = c;
            initial[c - 'a'] = official.stream()
                    .filter(e -> e.key().length() >= MIN_FUZZY_KEY && e.key().charAt(0) == first)
                    .sorted(byLen).toArray(Entry[]::new);
        }
        this.byInitial = initial;
        Map<String, List<Integer>> names = new HashMap<>();
        Map<Long, Integer> ids = new HashMap<>();
        for (int i = 0; i < places.size(); i++) {
            names.computeIfAbsent(fold(places.get(i).name()), x -> new ArrayList<>()).add(i);
            ids.put(places.get(i).geonamesId(), i);
        }
        names.values().forEach(l -> l.sort(biggestFirst));
        this.byName = names;
        this.literal = lit;
        this.literalOfficial = litOfficial;
        this.byId = ids;
    }

    /** A place name's key, or null when it is too short or a common word, so that no message could mean it. */
    private static String usableKey(String name) {
        List<String> w = PlaceKeys.words(name);
        if (w.isEmpty()) {
            return null;
        }
        String letters = String.join("", w);
        if (letters.length() < 3 || (w.size() == 1 && StopWords.isStop(w.get(0)))) {
            return null;
        }
        return PlaceKeys.keyOfLetters(letters);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> l = new ArrayList<>(a);
        l.addAll(b);
        return l;
    }

    private static String fold(String name) {
        return String.join(" ", PlaceKeys.words(name));
    }

    /** Every place, in the order of the data file. */
    public List<Place> places() {
        return places;
    }

    /** A place by the canonical name it was stored under; "Aurangabad, Bihar" picks one of a shared name. */
    public Optional<Place> byName(String canonicalName) {
        if (canonicalName == null) {
            return Optional.empty();
        }
        List<Integer> ids = byName.get(fold(canonicalName));
        if (ids != null) {
            return Optional.of(places.get(ids.get(0)));
        }
        int comma = canonicalName.lastIndexOf(',');
        if (comma > 0) {
            List<Integer> named = byName.get(fold(canonicalName.substring(0, comma)));
            String state = fold(canonicalName.substring(comma + 1));
            if (named != null) {
                return named.stream().map(places::get).filter(p -> fold(p.state()).equals(state)).findFirst();
            }
        }
        return Optional.empty();
    }

    /** Where a stored city is: with its state when known, else the first place of that name in the file. */
    @Override
    public Optional<com.shisha.core.journey.GeoPoint> locate(String city, String state) {
        return place(city, state).map(p -> new com.shisha.core.journey.GeoPoint(p.latitude(), p.longitude()));
    }

    @Override
    public Optional<com.shisha.core.journey.PlaceLocator.Town> town(String city, String state) {
        return place(city, state).map(p -> new com.shisha.core.journey.PlaceLocator.Town(p.name(), p.nameHi(), p.state(),
                new com.shisha.core.journey.GeoPoint(p.latitude(), p.longitude()), p.population()));
    }

    private Optional<Place> place(String city, String state) {
        if (city == null || city.isBlank()) {
            return Optional.empty();
        }
        Optional<Place> place = state == null || state.isBlank() ? Optional.empty() : byName(city.trim() + ", " + state.trim());
        // then as a partner would write it, state included: former and alternate names ("Margao" for Madgaon,
        // "Aurangabad, Maharashtra" for Chhatrapati Sambhajinagar); the name alone only as the last resort
        boolean stated = state != null && !state.isBlank();
        return place.or(() -> find(stated ? city + ", " + state : city)).or(() -> byName(city.trim()));
    }

    public Optional<Place> byId(long geonamesId) {
        Integer i = byId.get(geonamesId);
        return i == null ? Optional.empty() : Optional.of(places.get(i));
    }

    // --- reading a message -------------------------------------------------------------------------------------

    /** Shortest key matched despite a misspelling: below it, one wrong letter makes another real name. */
    static final int MIN_FUZZY_KEY = 5;
    /** Fewest letters a message's words must have to be read as a place at all ("Mau" and "Una" are towns). */
    private static final int MIN_EXACT_LETTERS = 3;

    /** How many edits a key of this length may be from a place's key and still name it. */
    static int allowedEdits(int keyLength) {
        if (keyLength < MIN_FUZZY_KEY) {
            return 0;
        }
        return keyLength <= 8 ? 1 : keyLength <= 12 ? 2 : 3;
    }

    private record Mention(int from, int to, String state) {
    }

    /** {@code literal}: 2 if the words spell the place's official or former name, 1 another of its names. */
    private record Candidate(int place, int distance, boolean stateName, int words, boolean inHintedState,
                             int literal) {
    }

    /** The words of a message, the states it names and where. */
    private record Reading(List<String> words, boolean[] stop, List<Mention> mentions, Set<String> states) {

        static Reading of(String text, Predicate<String> isPlaceKey) {
            List<String> w = PlaceKeys.words(text == null ? "" : text);
            if (w.size() > 40) {
                w = w.subList(0, 40);
            }
            boolean[] stop = new boolean[w.size()];
            for (int i = 0; i < w.size(); i++) {
                stop[i] = StopWords.isStop(w.get(i));
            }
            List<Mention> mentions = new ArrayList<>();
            for (int i = 0; i < w.size(); i++) {
                for (int len = Math.min(5, w.size() - i); len >= 1; len--) {
                    String letters = String.join("", w.subList(i, i + len));
                    String state = IndianStates.find(letters, isPlaceKey);
                    if (state != null) {
                        mentions.add(new Mention(i, i + len, state));
                        i += len - 1;
                        break;
                    }
                }
            }
            Set<String> states = new HashSet<>();
            mentions.forEach(m -> states.add(m.state()));
            return new Reading(w, stop, mentions, states);
        }

        /** -1 if the span may name a place, else the index of the state mention that it lies within. */
        int stateWithin(int from, int to) {
            for (int m = 0; m < mentions.size(); m++) {
                Mention x = mentions.get(m);
                boolean overlaps = from < x.to() && x.from() < to;
                if (!overlaps) {
                    continue;
                }
                boolean containsMention = from <= x.from() && x.to() <= to && (to - from) > (x.to() - x.from());
                if (!containsMention) {
                    return m;
                }
            }
            return -1;
        }

        /** Whether a state is named within [from, to) ("Koath Bihar" is no misspelling of Katihar). */
        boolean namesState(int from, int to) {
            return mentions.stream().anyMatch(m -> from < m.to() && m.from() < to);
        }

        boolean edgesAreWords(int from, int to) {
            return !stop[from] && !stop[to - 1];
        }

        /** A misspelling is looked for only in words that are not filler, a person's name or an English word. */
        boolean mayBeMisspelt(int from, int to, Set<String> lookalikes, boolean englishToo) {
            return edgesAreWords(from, to) && !StopWords.isPersonName(words.get(from))
                    && !StopWords.isPersonName(words.get(to - 1)) && (englishToo
                    || !lookalikes.contains(words.get(from)) && !lookalikes.contains(words.get(to - 1)));
        }

        String letters(int from, int to) {
            if (to - from == 1) {
                return words.get(from);
            }
            StringBuilder b = new StringBuilder();
            for (int i = from; i < to; i++) {
                b.append(words.get(i));
            }
            return b.toString();
        }
    }

    /**
     * The one place that a short message names, whether the message is only the name ("indor", "Lucknow UP") or
     * a sentence around it ("main Indore se hoon", "मैं भोपाल में काम करता हूँ"). Exact spellings (as the keys see
     * them) win over misspellings, longer names over their parts (Navi Mumbai over Mumbai), a place in a state the
     * message names over one elsewhere, then the larger place. A state alone is no city, except the three that
     * are one (Delhi, Chandigarh, Puducherry).
     */
    public Optional<Place> find(String text) {
        Reading r = Reading.of(text, exact::containsKey);
        int n = r.words().size();
        Candidate best = null;
        int bestFrom = -1;
        int bestTo = -1;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j <= Math.min(n, i + MAX_SPAN); j++) {
                // a name may begin or end with a common word (Talwandi Bhai, George Town), never be one
                if (j - i == 1 ? r.stop[i] : r.stop[i] && r.stop[j - 1]) {
                    continue;
                }
                String letters = r.letters(i, j);
                if (letters.length() < MIN_EXACT_LETTERS) {
                    continue;
                }
                int within = r.stateWithin(i, j);
                String key = PlaceKeys.keyOfLetters(letters);
                int[] ids = exact.get(key);
                if (ids == null) {
                    continue;
                }
                boolean lookalike = j - i == 1 && lookalikes.contains(letters);
                for (int id : ids) {
                    if (within >= 0 && !isTheStateItself(id, key, r.mentions().get(within))) {
                        continue;
                    }
                    Candidate c = candidate(r, id, 0, within >= 0, j - i, letters);
                    if (lookalike && c.literal() < 2) {
                        continue;
                    }
                    // "Mhow" and Mau share the key "mo": a key this short must be a name as written
                    if (key.length() < 4 && c.literal() == 0) {
                        continue;
                    }
                    Candidate b = better(best, c);
                    if (b != best) {
                        best = b;
                        bestFrom = i;
                        bestTo = j;
                    }
                }
            }
        }
        if (best != null) {
            // "navi mumbay": Mumbay is an exact spelling of Mumbai, but the longer name it is part of comes first
            Candidate longer = misspelt(r, bestFrom, bestTo);
            return Optional.of(places.get((longer != null ? longer : best).place()));
        }
        best = misspelt(r, -1, -1);
        return best == null ? Optional.empty() : Optional.of(places.get(best.place()));
    }

    /**
     * The best misspelt place in the message, or only among spans of several words around [within, to) when
     * {@code within} is not -1.
     */
    private Candidate misspelt(Reading r, int within0, int within1) {
        int n = r.words().size();
        Candidate best = null;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j <= Math.min(n, i + MAX_SPAN); j++) {
                if (!r.mayBeMisspelt(i, j, lookalikes, false)) {
                    continue;
                }
                if (within0 >= 0 && (!(i <= within0 && within1 <= j && j - i > within1 - within0)
                        || r.namesState(i, j))) {
                    continue;
                }
                int within = r.stateWithin(i, j);
                String letters = r.letters(i, j);
                String key = PlaceKeys.keyOfLetters(letters);
                int max = allowedEdits(key.length());
                char first = key.charAt(0);
                if (max == 0 || first < 'a' || first > 'z') {
                    continue;
                }
                for (Entry e : lengthRange(byInitial[first - 'a'], key.length() - max, key.length() + max)) {
                    // in a short key one wrong letter of the first two makes another word (qwerty, Khetri)
                    if (key.length() <= 7 && e.key().charAt(1) != key.charAt(1)) {
                        continue;
                    }
                    if (within >= 0 && !isTheStateItself(e.place(), e.key(), r.mentions().get(within))) {
                        continue;
                    }
                    int d = PlaceKeys.distance(key, e.key(), max);
                    if (d <= max) {
                        best = better(best, candidate(r, e.place(), d, within >= 0, j - i, letters));
                    }
                }
            }
        }
        return best;
    }

    /** "Delhi" is a state and a city: the span names the city when the city bears the state's own name. */
    private boolean isTheStateItself(int id, String key, Mention m) {
        Place p = places.get(id);
        return p.state().equals(m.state()) && primaryKeys.get(id).contains(key)
                && PlaceKeys.key(p.name()).equals(PlaceKeys.key(m.state()));
    }

    private Candidate candidate(Reading r, int id, int distance, boolean stateName, int words, String letters) {
        Set<Integer> official = literalOfficial.get(letters);
        Set<Integer> other = literal.get(letters);
        int spelled = official != null && official.contains(id) ? 2 : other != null && other.contains(id) ? 1 : 0;
        return new Candidate(id, distance, stateName, words, r.states().contains(places.get(id).state()), spelled);
    }

    private Candidate better(Candidate a, Candidate b) {
        if (a == null) {
            return b;
        }
        if (a.distance() != b.distance()) {
            return a.distance() < b.distance() ? a : b;
        }
        // "Najafgarh, Delhi" is Najafgarh: the state's namesake city only when nothing else is named
        if (a.stateName() != b.stateName()) {
            return a.stateName() ? b : a;
        }
        if (a.words() != b.words()) {
            return a.words() > b.words() ? a : b;
        }
        if (a.inHintedState() != b.inHintedState()) {
            return a.inHintedState() ? a : b;
        }
        // Khanpur and Kanpur share a key; whoever typed Khanpur meant Khanpur
        if (a.literal() != b.literal()) {
            return a.literal() > b.literal() ? a : b;
        }
        long pa = places.get(a.place()).population();
        long pb = places.get(b.place()).population();
        if (pa != pb) {
            return pa > pb ? a : b;
        }
        return a.place() <= b.place() ? a : b;
    }

    /** The entries of {@code sorted} (ordered by key length) whose key length is within [min, max]. */
    private static List<Entry> lengthRange(Entry[] sorted, int min, int max) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].key().length() < min) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int end = lo;
        while (end < sorted.length && sorted[end].key().length() <= max) {
            end++;
        }
        return Arrays.asList(sorted).subList(lo, end);
    }

    /**
     * The places nearest to what the message says, for "Did you mean …?": by edit distance between keys, looser
     * than {@link #find}, then by population. When the message names only a state, its largest places. Empty when
     * nothing is reasonably near.
     */
    public List<Place> suggestions(String text, int n) {
        if (n <= 0) {
            return List.of();
        }
        Reading r = Reading.of(text, exact::containsKey);
        int words = r.words().size();
        Map<Integer, Integer> nearest = new HashMap<>();
        for (int i = 0; i < words; i++) {
            for (int j = i + 1; j <= Math.min(words, i + MAX_SPAN); j++) {
                // "Did you mean" may offer Indore for "indoor": a question, not a guess that gets stored
                if (!r.mayBeMisspelt(i, j, lookalikes, true) || r.stateWithin(i, j) >= 0) {
                    continue;
                }
                String letters = r.letters(i, j);
                if (letters.length() < 4) {
                    continue;
                }
                String key = PlaceKeys.keyOfLetters(letters);
                int max = key.length() <= 5 ? 1 : key.length() <= 8 ? 2 : 3;
                for (Entry e : lengthRange(byLength, key.length() - max, key.length() + max)) {
                    int d = PlaceKeys.distance(key, e.key(), max);
                    if (d <= max) {
                        nearest.merge(e.place(), d, Math::min);
                    }
                }
            }
        }
        List<Integer> ids = new ArrayList<>(nearest.keySet());
        if (ids.isEmpty() && !r.states().isEmpty()) {
            for (int i = 0; i < places.size(); i++) {
                if (r.states().contains(places.get(i).state())) {
                    nearest.put(i, 0);
                    ids.add(i);
                }
            }
        }
        ids.sort(Comparator.comparingInt((Integer i) -> nearest.get(i))
                .thenComparing((Integer i) -> !r.states().contains(places.get(i).state()))
                .thenComparingLong(i -> -places.get(i).population())
                .thenComparingInt(i -> i));
        List<Place> out = new ArrayList<>(Math.min(n, ids.size()));
        for (int i = 0; i < ids.size() && out.size() < n; i++) {
            out.add(places.get(ids.get(i)));
        }
        return Collections.unmodifiableList(out);
    }

    /** Whether {@code letters} (a word, lower-case) is the official or a former name of {@code p} as written. */
    boolean spells(String letters, Place p) {
        Integer id = byId.get(p.geonamesId());
        Set<Integer> a = literalOfficial.get(letters);
        return id != null && a != null && a.contains(id);
    }

    // --- for the tests of the data ------------------------------------------------------------------------------

    /** Keys that more than one place answers to exactly, with the places in the order find() prefers them. */
    Map<String, List<Place>> sharedKeys() {
        Map<String, List<Place>> m = new HashMap<>();
        exact.forEach((k, ids) -> {
            if (ids.length > 1) {
                m.put(k, Arrays.stream(ids).mapToObj(places::get).toList());
            }
        });
        return m;
    }

    static String describe(Place p) {
        return String.format(Locale.ROOT, "%s (%s, %d)", p.name(), p.state(), p.population());
    }
}
