package com.shisha.persistence.console;

import com.shisha.core.IndianMobile;
import com.shisha.core.console.LeadImports;
import com.shisha.core.journey.PlaceLocator;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Lead imports: each chunk of rows is checked row by row, then written in one JDBC transaction with its refusals and
 * the import's counts, so the progress shown is always what is in the table.
 */
@Component
class JdbcLeadImports implements LeadImports {

    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9._:/-]{1,100}");
    private static final Pattern MOBILE = Pattern.compile("\\+91[6-9][0-9]{9}");
    /** A person's name as CRMs hold it: starts with a letter; letters, digits, spaces and . , ' - after. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M}\\p{N} .,'-]{0,99}");
    /** Product names as GroMo's and partners' files write them, folded to lower case without spaces and marks. */
    private static final Map<String, String> PRODUCTS = Map.ofEntries(
            Map.entry("loans", "LOANS"), Map.entry("loan", "LOANS"), Map.entry("personalloan", "LOANS"),
            Map.entry("businessloan", "LOANS"), Map.entry("homeloan", "LOANS"), Map.entry("goldloan", "LOANS"),
            Map.entry("creditcards", "CREDIT_CARDS"), Map.entry("creditcard", "CREDIT_CARDS"), Map.entry("card", "CREDIT_CARDS"),
            Map.entry("insurance", "INSURANCE"), Map.entry("healthinsurance", "INSURANCE"), Map.entry("lifeinsurance", "INSURANCE"),
            Map.entry("termlife", "INSURANCE"), Map.entry("termplan", "INSURANCE"),
            Map.entry("savingsaccounts", "SAVINGS_ACCOUNTS"), Map.entry("savingsaccount", "SAVINGS_ACCOUNTS"),
            Map.entry("savings", "SAVINGS_ACCOUNTS"), Map.entry("bankaccount", "SAVINGS_ACCOUNTS"),
            Map.entry("demat", "DEMAT"), Map.entry("demataccount", "DEMAT"), Map.entry("trading", "DEMAT"));
    private static final Map<String, String> GENDERS = Map.of("f", "F", "female", "F", "woman", "F", "m", "M", "male", "M", "man", "M");
    private static final List<String> INCOMES = List.of("LOW", "MID", "HIGH");
    private static final List<String> CREDITS = List.of("NEW", "POOR", "FAIR", "GOOD", "EXCELLENT");

    private final LeadImportRepository repository;
    private final JdbcClient jdbc;
    private final PlaceLocator places;
    private final TransactionTemplate transactions;
    private final Clock clock;

    JdbcLeadImports(LeadImportRepository repository, JdbcClient jdbc, PlaceLocator places, PlatformTransactionManager transactions,
                    Optional<Clock> clock) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.places = places;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    @Transactional(transactionManager = ConsolePersistence.TRANSACTIONS)
    public Import begin(String source, String fileName, Long staffId, long totalRows) {
        return repository.saveAndFlush(new LeadImportRecord(source, fileName, staffId, totalRows, clock.instant())).view();
    }

    /** A row made fit for the leads table, or the reason it cannot be. */
    private record Checked(Row row, String externalId, String refusal, String name, String phone, String product,
                           PlaceLocator.Town town, String gender, int age, String income, String credit, String note, String source) {
    }

    @Override
    public Applied apply(long importId, List<Row> rows) {
        List<Checked> checked = rows.stream().map(this::check).toList();
        return transactions.execute(tx -> write(importId, checked));
    }

    private Applied write(long importId, List<Checked> rows) {
        long created = 0;
        long updated = 0;
        long merged = 0;
        List<Refusal> refused = new ArrayList<>();
        for (Checked c : rows) {
            if (c.refusal() != null) {
                refused.add(new Refusal(c.row().line(), c.externalId(), c.refusal()));
                continue;
            }
            PlaceLocator.Town t = c.town();
            // the same external id: GroMo sent this lead before, and this is its newer version
            Optional<Long> same = jdbc.sql("""
                            update leads set name = :name, phone = :phone, gender = :gender, age = :age, city = :city,
                                   city_hi = :cityHi, state = :state, city_tier = :tier, product = :product, income_band = :income,
                                   credit_band = :credit, source = :source, note_en = coalesce(:note, note_en),
                                   latitude = :lat, longitude = :lon
                            where external_id = :externalId returning id""")
                    .params(params(c)).query(Long.class).optional();
            if (same.isPresent()) {
                updated++;
            } else {
                // the same person asking for the same product, open already: one lead, with the newer note
                Optional<Long> open = jdbc.sql("""
                                update leads set external_id = coalesce(external_id, :externalId), name = :name,
                                       note_en = coalesce(:note, note_en)
                                where id = (select id from leads where phone = :phone and product = :product and status = 'OPEN'
                                            order by id limit 1)
                                  and not exists (select 1 from leads where external_id = :externalId)
                                returning id""")
                        .params(params(c)).query(Long.class).optional();
                if (open.isPresent()) {
                    merged++;
                } else {
                    jdbc.sql("""
                                    insert into leads (external_id, name, phone, gender, age, city, city_hi, state, city_tier, product,
                                                       income_band, credit_band, source, note_en, created_at, latitude, longitude)
                                    values (:externalId, :name, :phone, :gender, :age, :city, :cityHi, :state, :tier, :product,
                                            :income, :credit, :source, :note, now(), :lat, :lon)""")
                            .params(params(c)).update();
                    created++;
                }
            }
            // the town joins the places the LEADS turn looks near (read again within minutes)
            jdbc.sql("insert into lead_places (city_key, state, latitude, longitude) values (:city, :state, :lat, :lon) on conflict do nothing")
                    .params(params(c)).update();
        }
        for (Refusal r : refused) {
            jdbc.sql("insert into lead_import_refusals (import_id, row_number, external_id, reason) values (?, ?, ?, ?) on conflict do nothing")
                    .params(importId, r.line(), r.externalId(), r.reason()).update();
        }
        jdbc.sql("update lead_imports set processed = processed + ?, created = created + ?, updated = updated + ?, merged = merged + ?, "
                        + "refused = refused + ? where id = ?")
                .params(rows.size(), created, updated, merged, refused.size(), importId).update();
        return new Applied(created, updated, merged, refused);
    }

    private static Map<String, Object> params(Checked c) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("externalId", c.externalId());
        p.put("name", c.name());
        p.put("phone", c.phone());
        p.put("gender", c.gender());
        p.put("age", c.age());
        p.put("city", c.town().name());
        p.put("cityHi", c.town().nameHi());
        p.put("state", c.town().state());
        p.put("tier", c.town().tier());
        p.put("product", c.product());
        p.put("income", c.income());
        p.put("credit", c.credit());
        p.put("source", c.source());
        p.put("note", c.note());
        p.put("lat", c.town().point().latitude());
        p.put("lon", c.town().point().longitude());
        return p;
    }

    private Checked check(Row row) {
        Map<String, String> v = row.values();
        String externalId = value(v, "external_id");
        List<String> problems = new ArrayList<>();
        if (externalId == null || !EXTERNAL_ID.matcher(externalId).matches()) {
            problems.add("external_id: 1-100 letters, digits or . _ : / -");
        }
        String name = value(v, "name");
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add("name: up to 100 characters, starting with a letter");
        }
        String phone = IndianMobile.normalise(value(v, "phone"));
        if (phone == null || !MOBILE.matcher(phone).matches()) {
            problems.add("phone: an Indian mobile number (10 digits starting 6-9, with or without +91 or 0)");
        }
        String productValue = value(v, "product");
        String product = productValue == null ? null : PRODUCTS.get(productValue.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
        if (product == null) {
            problems.add("product: one of loans, credit cards, insurance, savings account, demat");
        }
        String city = value(v, "city");
        String state = value(v, "state");
        Optional<PlaceLocator.Town> town = city == null ? Optional.empty() : places.town(city, state);
        if (town.isEmpty()) {
            problems.add(city == null ? "city: missing" : "city: '" + city + "' is not a place we know" + (state == null ? "; add its state" : " in " + state));
        }
        String genderValue = value(v, "gender");
        String gender = genderValue == null ? null : GENDERS.get(genderValue.toLowerCase(Locale.ROOT));
        if (gender == null) {
            problems.add("gender: F or M");
        }
        int age = 0;
        try {
            age = Integer.parseInt(String.valueOf(value(v, "age")));
        } catch (NumberFormatException e) {
            // reported below
        }
        if (age < 18 || age > 100) {
            problems.add("age: a whole number from 18 to 100");
        }
        String income = upper(value(v, "income_band"));
        if (!INCOMES.contains(income)) {
            problems.add("income_band: LOW, MID or HIGH");
        }
        String credit = upper(value(v, "credit_band"));
        if (!CREDITS.contains(credit)) {
            problems.add("credit_band: NEW, POOR, FAIR, GOOD or EXCELLENT");
        }
        String note = value(v, "note");
        if (note != null && note.length() > 500) {
            problems.add("note: at most 500 characters");
        }
        String source = Optional.ofNullable(value(v, "source")).orElse("import");
        if (source.length() > 50) {
            problems.add("source: at most 50 characters");
        }
        String refusal = problems.isEmpty() ? null : String.join("; ", problems);
        return new Checked(row, externalId, refusal, name, phone, product, town.orElse(null), gender, age, income, credit, note, source);
    }

    private static String value(Map<String, String> values, String column) {
        String v = values.get(column);
        if (v == null) {
            return null;
        }
        // control characters (NUL among them, which PostgreSQL refuses) never belong in a lead
        String clean = v.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.isEmpty() ? null : clean;
    }

    private static String upper(String v) {
        return v == null ? null : v.toUpperCase(Locale.ROOT);
    }

    @Override
    @Transactional(transactionManager = ConsolePersistence.TRANSACTIONS)
    public Import finish(long importId, String failure) {
        LeadImportRecord record = repository.findById(importId).orElseThrow(() -> new IllegalArgumentException("no import " + importId));
        record.finish(failure, clock.instant());
        repository.saveAndFlush(record);
        return find(importId).orElseThrow();
    }

    @Override
    @Transactional(transactionManager = ConsolePersistence.TRANSACTIONS, readOnly = true)
    public Optional<Import> find(long id) {
        return repository.findById(id).map(LeadImportRecord::view);
    }

    @Override
    @Transactional(transactionManager = ConsolePersistence.TRANSACTIONS, readOnly = true)
    public List<Import> recent(int limit) {
        return repository.findAllByOrderByIdDesc(PageRequest.of(0, Math.max(1, Math.min(limit, 200)))).stream()
                .map(LeadImportRecord::view).toList();
    }

    @Override
    public List<Refusal> refusals(long importId) {
        return jdbc.sql("select row_number, external_id, reason from lead_import_refusals where import_id = ? order by row_number")
                .params(importId).query((rs, n) -> new Refusal(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }
}
