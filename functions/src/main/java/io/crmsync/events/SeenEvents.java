package io.crmsync.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.crmsync.config.CrmSyncConfig;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Event ids already turned into sync work (HubSpot {@code eventId}s, Salesforce replay ids), kept for the dedupe
 * window with DynamoDB TTL. Marked only after the work was queued, so a delivery that failed half-way is not
 * mistaken for a duplicate on its retry; two deliveries racing both pass, which is harmless (the sync worker reads
 * both records and writes only what differs).
 */
@ApplicationScoped
public class SeenEvents {

    private static final String SK = "SEEN";
    private static final int GET_MAX = 100;
    private static final int WRITE_MAX = 25;

    private final DynamoDbClient dynamo;
    private final String table;
    private final EventsConfig config;

    SeenEvents(DynamoDbClient dynamo, CrmSyncConfig crmSync, EventsConfig config) {
        this.dynamo = dynamo;
        this.table = crmSync.tableName();
        this.config = config;
    }

    /** @return which of {@code ids} were seen before (one BatchGetItem per 100 ids) */
    public Set<String> seen(String source, Collection<String> ids) {
        List<String> unique = List.copyOf(new LinkedHashSet<>(ids));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < unique.size(); i += GET_MAX) {
            List<Map<String, AttributeValue>> keys = unique.subList(i, Math.min(unique.size(), i + GET_MAX)).stream()
                    .map(id -> key(source, id)).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
                    .projectionExpression("pk").build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> asked = request;
                var response = dynamo.batchGetItem(r -> r.requestItems(asked));
                response.responses().getOrDefault(table, List.of())
                        .forEach(item -> seen.add(item.get("pk").s().substring(prefix(source).length())));
                request = response.unprocessedKeys() == null ? Map.of() : response.unprocessedKeys();
            }
        }
        return seen;
    }

    /** Remembers {@code ids} until the dedupe window has passed. */
    public void mark(String source, Collection<String> ids, Instant now) {
        long expires = now.plus(config.dedupeWindow()).getEpochSecond();
        List<WriteRequest> writes = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            Map<String, AttributeValue> item = new HashMap<>(key(source, id));
            item.put("expiresAt", AttributeValue.fromN(Long.toString(expires)));
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        for (int i = 0; i < writes.size(); i += WRITE_MAX) {
            Map<String, List<WriteRequest>> request = Map.of(table, writes.subList(i, Math.min(writes.size(), i + WRITE_MAX)));
            while (!request.isEmpty()) {
                Map<String, List<WriteRequest>> asked = request;
                var response = dynamo.batchWriteItem(r -> r.requestItems(asked));
                request = response.unprocessedItems() == null ? Map.of() : response.unprocessedItems();
            }
        }
    }

    private static Map<String, AttributeValue> key(String source, String id) {
        return Map.of("pk", AttributeValue.fromS(prefix(source) + id), "sk", AttributeValue.fromS(SK));
    }

    private static String prefix(String source) {
        return "EVENT#" + source + "#";
    }
}
