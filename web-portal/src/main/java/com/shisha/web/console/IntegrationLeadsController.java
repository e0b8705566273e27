package com.shisha.web.console;

import com.shisha.core.console.LeadImports;
import com.shisha.web.api.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Leads from GroMo's systems: up to 1,000 per call, answered with what became of each. Idempotent by external id, so
 * a call retried after a timeout changes nothing the first one did.
 */
@RestController
class IntegrationLeadsController {

    static final int MAX_LEADS = 1_000;

    private final LeadImports imports;

    IntegrationLeadsController(LeadImports imports) {
        this.imports = imports;
    }

    /** Each lead: the import's columns as JSON fields (external_id, name, phone, product, city, ...). */
    record Batch(@NotNull @Size(min = 1, max = MAX_LEADS) List<Map<String, Object>> leads) {
    }

    record Result(LeadImports.Import importRun, List<LeadImports.Refusal> refused) {
    }

    @PostMapping(path = "/integrations/v1/leads", consumes = "application/json", produces = "application/json")
    Result leads(@Valid @RequestBody Batch batch) {
        List<LeadImports.Row> rows = new ArrayList<>();
        for (int i = 0; i < batch.leads().size(); i++) {
            Map<String, Object> lead = batch.leads().get(i);
            if (lead == null) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "validation_failed", "leads[" + i + "] is null");
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (String column : LeadImports.COLUMNS) {
                Object v = lead.get(column);
                values.put(column, v == null ? null : String.valueOf(v));
            }
            // "line" is the lead's place in the batch, from 1
            rows.add(new LeadImports.Row(i + 1, values));
        }
        LeadImports.Import begun = imports.begin("API", null, null, rows.size());
        List<LeadImports.Refusal> refused = new ArrayList<>();
        try {
            for (int from = 0; from < rows.size(); from += LeadImporter.CHUNK) {
                refused.addAll(imports.apply(begun.id(), rows.subList(from, Math.min(rows.size(), from + LeadImporter.CHUNK))).refused());
            }
        } catch (RuntimeException e) {
            imports.finish(begun.id(), "stopped on a database error");
            throw e;
        }
        return new Result(imports.finish(begun.id(), null), refused);
    }
}
