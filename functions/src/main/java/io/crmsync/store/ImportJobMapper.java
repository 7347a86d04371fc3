package io.crmsync.store;

import static io.crmsync.store.Attributes.n;
import static io.crmsync.store.Attributes.s;

import java.util.HashMap;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** ImportJob <-> item. Counters are top-level numbers so UpdateItem can ADD to them atomically. */
final class ImportJobMapper {

    static final String SK = "JOB";
    static final String LIST_PK = "IMPORTS";
    static final String[] COUNTERS = { "total", "processed", "created", "updated", "skipped", "failed" };

    private ImportJobMapper() {
    }

    static Map<String, AttributeValue> key(String jobId) {
        return Attributes.key(StoreKeys.importJob(jobId), SK);
    }

    static Map<String, AttributeValue> toNewItem(ImportJob job) {
        Map<String, AttributeValue> item = new HashMap<>(key(job.id()));
        item.put(StoreSchema.GSI2_PK, s(LIST_PK));
        item.put(StoreSchema.GSI2_SK, s(StoreTime.sortable(job.createdAt()) + "#" + job.id()));
        item.put("jobId", s(job.id()));
        item.put("status", s(job.status().name()));
        item.put("definition", s(job.definitionJson()));
        long[] values = values(job.counters());
        for (int i = 0; i < COUNTERS.length; i++) {
            item.put(COUNTERS[i], n(values[i]));
        }
        item.put("errors", AttributeValue.fromM(Map.of()));
        item.put("createdAt", Attributes.instant(job.createdAt()));
        item.put("cancelRequested", Attributes.bool(false));
        return item;
    }

    static ImportJob fromItem(Map<String, AttributeValue> item) {
        return new ImportJob(
                Attributes.string(item, "jobId"),
                Attributes.enumValue(item, "status", ImportStatus.class),
                Attributes.string(item, "definition"),
                new ImportCounters(
                        Attributes.number(item, "total"),
                        Attributes.number(item, "processed"),
                        Attributes.number(item, "created"),
                        Attributes.number(item, "updated"),
                        Attributes.number(item, "skipped"),
                        Attributes.number(item, "failed")),
                Attributes.numberMap(item, "errors"),
                Attributes.instant(item, "createdAt"),
                Attributes.optionalInstant(item, "startedAt").orElse(null),
                Attributes.optionalInstant(item, "finishedAt").orElse(null),
                Attributes.optionalInstant(item, "pausedUntil").orElse(null),
                Attributes.bool(item, "cancelRequested"),
                Attributes.optionalString(item, "failureReason").orElse(null));
    }

    static long[] values(ImportCounters c) {
        return new long[] { c.total(), c.processed(), c.created(), c.updated(), c.skipped(), c.failed() };
    }
}
