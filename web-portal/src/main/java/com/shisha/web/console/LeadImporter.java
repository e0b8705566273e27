package com.shisha.web.console;

import com.shisha.core.console.LeadImports;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads a CSV of leads and feeds it to {@link LeadImports} a chunk at a time, on a thread of its own: the upload is
 * answered at once, and the console follows the import's counts. The header is checked before anything starts, so
 * a file with the wrong columns is refused whole, with the columns named.
 */
public final class LeadImporter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LeadImporter.class);
    static final int CHUNK = 500;
    public static final List<String> REQUIRED = List.of("external_id", "name", "phone", "product", "city", "gender", "age",
            "income_band", "credit_band");

    private final LeadImports imports;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lead-import");
        t.setDaemon(true);
        return t;
    });

    public LeadImporter(LeadImports imports) {
        this.imports = imports;
    }

    /** The file's problem that stops it whole (wrong columns, not text), or null. */
    static String headerProblem(String csv) {
        if (csv.isBlank()) {
            return "the file is empty";
        }
        List<String> header = header(csv);
        List<String> missing = REQUIRED.stream().filter(c -> !header.contains(c)).toList();
        List<String> unknown = header.stream().filter(c -> !LeadImports.COLUMNS.contains(c)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            return (missing.isEmpty() ? "" : "missing columns: " + String.join(", ", missing) + ". ")
                    + (unknown.isEmpty() ? "" : "unknown columns: " + String.join(", ", unknown) + ". ")
                    + "The columns are: " + String.join(", ", LeadImports.COLUMNS);
        }
        return null;
    }

    private static List<String> header(String csv) {
        String first = csv.lines().findFirst().orElse("").replace("\uFEFF", "");
        List<String> columns = new ArrayList<>();
        for (String c : first.split(",")) {
            columns.add(c.strip().replace("\"", "").toLowerCase(Locale.ROOT).replace(' ', '_'));
        }
        return columns;
    }

    static long rows(String csv) {
        return Math.max(0, csv.lines().filter(l -> !l.isBlank()).count() - 1);
    }

    /** Starts the import in the background; returns it as begun. */
    LeadImports.Import start(String fileName, long staffId, String csv) {
        LeadImports.Import begun = imports.begin("CSV", fileName, staffId, rows(csv));
        worker.execute(() -> run(begun.id(), csv));
        return begun;
    }

    private void run(long id, String csv) {
        String failure = null;
        try (Reader in = new StringReader(csv.replace("\uFEFF", ""));
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                     .setTrim(true).get().parse(in)) {
            Map<String, Integer> columns = new LinkedHashMap<>();
            parser.getHeaderMap().forEach((k, v) -> columns.put(k.strip().toLowerCase(Locale.ROOT).replace(' ', '_'), v));
            List<LeadImports.Row> chunk = new ArrayList<>(CHUNK);
            for (CSVRecord record : parser) {
                Map<String, String> values = new LinkedHashMap<>();
                columns.forEach((name, index) -> values.put(name, index < record.size() ? record.get(index) : null));
                // the header is line 1, as a spreadsheet numbers it
                chunk.add(new LeadImports.Row(record.getRecordNumber() + 1, values));
                if (chunk.size() == CHUNK) {
                    imports.apply(id, chunk);
                    chunk = new ArrayList<>(CHUNK);
                }
            }
            if (!chunk.isEmpty()) {
                imports.apply(id, chunk);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            failure = "the file could not be read after the rows already imported: " + e.getMessage();
            log.warn("lead import {} stopped: {}", id, e.toString());
        } catch (RuntimeException e) {
            failure = "the import stopped on a database error; import the file again (rows already in are not doubled)";
            log.error("lead import {} stopped", id, e);
        }
        try {
            LeadImports.Import done = imports.finish(id, failure);
            log.info("lead import {}: {} rows, {} new, {} updated, {} merged, {} refused", id, done.processed(), done.created(),
                    done.updated(), done.merged(), done.refused());
        } catch (RuntimeException e) {
            log.error("lead import {} could not be marked finished", id, e);
        }
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
