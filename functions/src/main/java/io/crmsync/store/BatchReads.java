package io.crmsync.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** Strongly consistent BatchGetItem over any number of keys: groups of 100, unprocessed keys re-sent with backoff. */
final class BatchReads {

    /** BatchGetItem accepts at most 100 keys per call. */
    static final int LIMIT = 100;

    private BatchReads() {
    }

    static List<Map<String, AttributeValue>> get(DynamoDbClient dynamo, String table,
            List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += LIMIT) {
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
                    .keys(keys.subList(from, Math.min(from + LIMIT, keys.size()))).consistentRead(true).build());
            int attempt = 0;
            while (!request.isEmpty()) {
                BatchGetItemResponse response = dynamo.batchGetItem(
                        BatchGetItemRequest.builder().requestItems(request).build());
                items.addAll(response.responses().getOrDefault(table, List.of()));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
                if (!request.isEmpty()) {
                    Backoff.pause(++attempt, "BatchGetItem unprocessed keys");
                }
            }
        }
        return items;
    }
}
