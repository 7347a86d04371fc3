package io.crmsync.imports.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.HubSpotValidationException;
import io.crmsync.hubspot.model.BatchResult;
import io.crmsync.hubspot.model.ObjectUpsert;
import io.crmsync.hubspot.model.UpsertResult;
import io.crmsync.imports.ImportsConfig;
import io.crmsync.imports.catalogue.ImportPhase;
import io.crmsync.imports.catalogue.MappedRecord;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Upserts mapped records in batches of 100 by the phase's unique property, several batches of a chunk in flight at
 * once ({@code crmsync.imports.hubspot-parallel-calls}, per chunk: see {@link ChunkLanes}); the HubSpot client's pacer is shared by every caller in the
 * process, so parallel calls wait their turn rather than bounce off the rate limit. HubSpot refuses a whole batch
 * when one input is invalid (400 VALIDATION_ERROR), so a refused batch is split in halves until the bad records
 * stand alone: k bad records in a batch of n cost about 2k·log2(n) extra calls instead of n single-record calls.
 * Anything else (5xx after retries, auth, daily limit) fails the whole chunk so SQS retries it.
 */
@ApplicationScoped
public class HubSpotUpserter {

    static final int BATCH = 100;
    private static final Pattern ERROR_CODE = Pattern.compile("\"error\"\\s*:\\s*\"([A-Z_]+)\"");

    private final HubSpotClient hubspot;
    private final ChunkLanes callers;

    HubSpotUpserter(HubSpotClient hubspot, ImportsConfig config) {
        this.hubspot = hubspot;
        this.callers = new ChunkLanes("import-hubspot-calls", config.hubspotParallelCalls());
    }

    @PreDestroy
    void stop() {
        callers.shutdown();
    }

    public record Outcome(List<Written> written, List<RecordFailure> failures) {
    }

    /** The outcome in input order, whatever order the batches finished in. */
    public Outcome upsert(ImportPhase phase, List<MappedRecord> records) {
        return upsert(phase, records, written -> {
        });
    }

    /**
     * As {@link #upsert(ImportPhase, List)}, handing each batch's written records to {@code afterBatch} as soon as that
     * batch is answered, on the batch's own lane: the chunk pairs a batch while its other batches are still in flight,
     * rather than after the last one. A failure there fails the upsert (after every batch is done), like a failed call.
     */
    public Outcome upsert(ImportPhase phase, List<MappedRecord> records,
            java.util.function.Consumer<List<Written>> afterBatch) {
        List<java.util.function.Supplier<Outcome>> calls = new ArrayList<>();
        for (int i = 0; i < records.size(); i += BATCH) {
            List<MappedRecord> batch = records.subList(i, Math.min(records.size(), i + BATCH));
            calls.add(() -> {
                Outcome outcome = new Outcome(new ArrayList<>(), new ArrayList<>());
                write(phase, batch, outcome.written(), outcome.failures());
                afterBatch.accept(outcome.written());
                return outcome;
            });
        }
        // every batch is waited for, so no call is still running when the chunk fails and SQS retries it
        List<Written> written = new ArrayList<>();
        List<RecordFailure> failures = new ArrayList<>();
        for (Outcome outcome : callers.all(calls)) {
            written.addAll(outcome.written());
            failures.addAll(outcome.failures());
        }
        return new Outcome(written, failures);
    }

    private void write(ImportPhase phase, List<MappedRecord> batch, List<Written> written,
            List<RecordFailure> failures) {
        List<ObjectUpsert> inputs = batch.stream().map(r -> new ObjectUpsert(r.uniqueKey(), r.properties())).toList();
        BatchResult<UpsertResult> result;
        try {
            result = hubspot.batchUpsert(phase.hubspotObjectType(), phase.idProperty(), inputs);
        } catch (HubSpotValidationException e) {
            if (batch.size() == 1) {
                failures.add(new RecordFailure(batch.get(0).salesforceId(), category(e), e.getMessage()));
                return;
            }
            int half = batch.size() / 2;
            write(phase, batch.subList(0, half), written, failures);
            write(phase, batch.subList(half, batch.size()), written, failures);
            return;
        }
        Map<String, MappedRecord> byKey = new java.util.HashMap<>();
        batch.forEach(r -> byKey.put(key(r.uniqueKey()), r));
        for (UpsertResult r : result.results()) {
            String keyValue = r.object().property(phase.idProperty());
            MappedRecord source = keyValue == null ? null : byKey.remove(key(keyValue));
            if (source == null) {
                throw new IllegalStateException("HubSpot answered an upsert of " + phase.hubspotObjectType()
                        + " with a record whose " + phase.idProperty() + " matches no input");
            }
            written.add(new Written(source.salesforceId(), r.object().id(), r.created()));
        }
        // Inputs HubSpot answered neither with a record nor with an error would silently vanish: count them failed.
        result.errors().forEach(e -> e.ids().forEach(id -> {
            MappedRecord source = byKey.remove(key(id));
            if (source != null) {
                failures.add(new RecordFailure(source.salesforceId(), e.category(), e.message()));
            }
        }));
        byKey.values().forEach(r -> failures.add(new RecordFailure(r.salesforceId(), "NO_RESULT",
                "HubSpot returned no result for this record")));
    }

    private static String key(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    /** The specific error of a one-record refusal (INVALID_EMAIL, INVALID_OPTION, ...), else HubSpot's category. */
    static String category(HubSpotValidationException e) {
        Matcher m = ERROR_CODE.matcher(String.valueOf(e.getMessage()));
        if (m.find()) {
            return m.group(1);
        }
        return e.category() == null ? "VALIDATION_ERROR" : e.category();
    }
}
