package io.crmsync.store;

import static io.crmsync.store.Attributes.n;
import static io.crmsync.store.Attributes.s;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.crmsync.config.CrmSyncConfig;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** Settings as small JSON documents by key. Saves are optimistic: two admins editing at once cannot silently clash. */
@ApplicationScoped
public class SettingsRepository {

    private static final String SK = "DOC";
    static final int MAX_DOCUMENT_BYTES = 100_000;

    private final DynamoDbClient dynamo;
    private final String table;

    SettingsRepository(DynamoDbClient dynamo, CrmSyncConfig config) {
        this.dynamo = dynamo;
        this.table = config.tableName();
    }

    public Optional<SettingsDocument> find(String key) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Attributes.key(StoreKeys.settings(StoreKeys.requireId(key, "settings key")), SK))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SettingsDocument(key, Attributes.string(item, "json"), Attributes.number(item, "version"),
                Attributes.instant(item, "updatedAt")));
    }

    /**
     * Stores {@code json} under {@code key} if the stored version is still {@code expectedVersion} (0 = must not
     * exist yet).
     *
     * @return the stored document at its new version
     * @throws StaleVersionException when someone saved the document in between
     */
    public SettingsDocument save(String key, String json, long expectedVersion, Instant now) {
        StoreKeys.requireId(key, "settings key");
        validate(key, json);
        long next = expectedVersion + 1;
        Map<String, AttributeValue> item = new HashMap<>(Attributes.key(StoreKeys.settings(key), SK));
        item.put("json", s(json));
        item.put("version", n(next));
        item.put("updatedAt", Attributes.instant(now));
        String condition = expectedVersion == 0 ? "attribute_not_exists(#pk)" : "#v = :expected";
        Map<String, String> names = expectedVersion == 0 ? Map.of("#pk", StoreSchema.PK) : Map.of("#v", "version");
        Map<String, AttributeValue> values = expectedVersion == 0 ? null : Map.of(":expected", n(expectedVersion));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException e) {
            long actual = e.item() == null || e.item().isEmpty() ? 0 : Attributes.number(e.item(), "version");
            throw new StaleVersionException("Settings " + key, expectedVersion, actual);
        }
        return new SettingsDocument(key, json, next, now);
    }

    private static void validate(String key, String json) {
        if (json == null) {
            throw new IllegalArgumentException("Settings " + key + " must be a JSON document");
        }
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_DOCUMENT_BYTES) {
            throw new SettingsTooLargeException(key, bytes, MAX_DOCUMENT_BYTES);
        }
        JsonText.requireObject(json, "Settings " + key);
    }
}
