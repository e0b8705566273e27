package com.shisha.core.console;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Leads from GroMo's systems, by CSV in the console or through the integration API. Each row is checked on its own
 * (a bad row is refused with its reason, the others go in); a row whose external id is known updates that lead, a row
 * for a person and product that already has an open lead is merged into it, the rest become new leads. Importing
 * the same file twice changes nothing.
 */
public interface LeadImports {

    /** The columns, as a CSV header names them; the first five are required. */
    List<String> COLUMNS = List.of("external_id", "name", "phone", "product", "city", "state", "gender", "age",
            "income_band", "credit_band", "note", "source");

    enum State { RUNNING, DONE, FAILED }

    record Import(long id, String source, String fileName, Long staffId, State state, long totalRows, long processed,
                  long created, long updated, long merged, long refused, String failure, Instant createdAt, Instant finishedAt) {
    }

    /** One row as given: every value a string or null, {@code line} as the file counts it (the header is line 1). */
    record Row(long line, java.util.Map<String, String> values) {
    }

    record Refusal(long line, String externalId, String reason) {
    }

    /** What one chunk did. */
    record Applied(long created, long updated, long merged, List<Refusal> refused) {
    }

    /** @param totalRows as far as known before the rows are read (the progress bar's end), 0 if not */
    Import begin(String source, String fileName, Long staffId, long totalRows);

    Applied apply(long importId, List<Row> rows);

    /** @param failure null when every row was read */
    Import finish(long importId, String failure);

    Optional<Import> find(long id);

    List<Import> recent(int limit);

    List<Refusal> refusals(long importId);
}
