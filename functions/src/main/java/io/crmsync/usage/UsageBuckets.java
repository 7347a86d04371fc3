package io.crmsync.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.crmsync.config.CrmSyncConfig;
import io.crmsync.store.StoreSchema;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * API calls per CRM per hour, in the one table: {@code pk = USAGE#<api>#<yyyy-MM-ddTHH>}, {@code sk = HOUR}, one
 * numeric attribute {@code k:<kind>} per call kind, added to atomically by every instance (in-memory counters die
 * with their Lambda instance). Buckets expire two days after their hour.
 */
@ApplicationScoped
public class UsageBuckets {

    static final String SK = "HOUR";
    static final String KIND_PREFIX = "k:";
    private static final Duration RETENTION = Duration.ofDays(2);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamo;
    private final String table;

    UsageBuckets(DynamoDbClient dynamo, CrmSyncConfig config) {
        this.dynamo = dynamo;
        this.table = config.tableName();
    }

    /** Adds calls by kind to the hour bucket of {@code at}. */
    public void add(String api, Map<String, Long> callsByKind, Instant at) {
        if (callsByKind.isEmpty()) {
            return;
        }
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> adds = new ArrayList<>();
        int i = 0;
        for (var e : callsByKind.entrySet()) {
            names.put("#k" + i, KIND_PREFIX + e.getKey());
            values.put(":v" + i, AttributeValue.fromN(Long.toString(e.getValue())));
            adds.add("#k" + i + " :v" + i);
            i++;
        }
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        names.put("#ttl", StoreSchema.TTL);
        values.put(":ttl", AttributeValue.fromN(Long.toString(hour.plus(RETENTION).getEpochSecond())));
        dynamo.updateItem(r -> r.tableName(table).key(key(api, hour))
                .updateExpression("SET #ttl = :ttl ADD " + String.join(", ", adds))
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
    }

    /** Calls by kind over the 24 hour buckets ending with the one holding {@code now} (one BatchGetItem). */
    public Map<String, Long> last24Hours(String api, Instant now) {
        Map<String, Long> sums = new TreeMap<>();
        last24HoursByHour(api, now).values().forEach(hour -> hour.forEach((kind, n) -> sums.merge(kind, n, Long::sum)));
        return sums;
    }

    /**
     * The same 24 hour buckets one by one, oldest first, each with its calls by kind (an hour without calls is there,
     * empty), for a chart over the day.
     */
    public SortedMap<Instant, Map<String, Long>> last24HoursByHour(String api, Instant now) {
        Instant current = now.truncatedTo(ChronoUnit.HOURS);
        SortedMap<Instant, Map<String, Long>> hours = new TreeMap<>();
        Map<String, Map<String, Long>> byKey = new HashMap<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            Instant hour = current.minus(Duration.ofHours(h));
            Map<String, AttributeValue> key = key(api, hour);
            hours.put(hour, new TreeMap<>());
            byKey.put(key.get(StoreSchema.PK).s(), hours.get(hour));
            keys.add(key);
        }
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
                .consistentRead(true).build());
        while (!request.isEmpty()) {
            var requestNow = request;
            var response = dynamo.batchGetItem(r -> r.requestItems(requestNow));
            response.responses().getOrDefault(table, List.of()).forEach(item -> {
                Map<String, Long> kinds = byKey.get(item.get(StoreSchema.PK).s());
                item.forEach((name, value) -> {
                    if (kinds != null && name.startsWith(KIND_PREFIX) && value.n() != null) {
                        kinds.merge(name.substring(KIND_PREFIX.length()), Long.parseLong(value.n()), Long::sum);
                    }
                });
            });
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return hours;
    }

    private static Map<String, AttributeValue> key(String api, Instant hour) {
        return Map.of(StoreSchema.PK, AttributeValue.fromS("USAGE#" + api + "#" + HOUR.format(hour)),
                StoreSchema.SK, AttributeValue.fromS(SK));
    }
}
