package io.crmsync.associations;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.crmsync.config.CrmSyncConfig;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Which Opportunity each synced contact role is on. Salesforce's getDeleted names a deleted
 * {@code OpportunityContactRole} by its id only, and the row is gone, so nothing in Salesforce says whose deal lost a
 * contact; remembering it when the role is synced lets the poll queue that deal at once (DynamoDB reads, no API
 * call). One small item per role: {@code pk = ROLE#<role id>}.
 */
@ApplicationScoped
public class ContactRoleOpportunities {

    private static final String SK = "OPPORTUNITY";
    private static final int GET_MAX = 100;
    private static final int WRITE_MAX = 25;

    private final DynamoDbClient dynamo;
    private final String table;

    ContactRoleOpportunities(DynamoDbClient dynamo, CrmSyncConfig config) {
        this.dynamo = dynamo;
        this.table = config.tableName();
    }

    /** @return the Opportunity of each of {@code roleIds} that was remembered (one BatchGetItem per 100) */
    public Map<String, String> opportunitiesOf(Collection<String> roleIds) {
        List<String> unique = List.copyOf(new LinkedHashSet<>(roleIds));
        Map<String, String> found = new LinkedHashMap<>();
        for (int i = 0; i < unique.size(); i += GET_MAX) {
            List<Map<String, AttributeValue>> keys = unique.subList(i, Math.min(unique.size(), i + GET_MAX)).stream()
                    .map(ContactRoleOpportunities::key).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> asked = request;
                var response = dynamo.batchGetItem(r -> r.requestItems(asked));
                response.responses().getOrDefault(table, List.of()).forEach(item -> found.put(
                        item.get("pk").s().substring(prefix().length()), item.get("opportunityId").s()));
                request = response.unprocessedKeys() == null ? Map.of() : response.unprocessedKeys();
            }
        }
        return found;
    }

    /** Remembers the roles not remembered yet (role id -> Opportunity id); a role never moves to another one. */
    public void remember(Map<String, String> opportunityByRole) {
        if (opportunityByRole.isEmpty()) {
            return;
        }
        Map<String, String> known = opportunitiesOf(opportunityByRole.keySet());
        List<WriteRequest> writes = new ArrayList<>();
        opportunityByRole.forEach((role, opportunity) -> {
            if (!known.containsKey(role)) {
                Map<String, AttributeValue> item = new HashMap<>(key(role));
                item.put("opportunityId", AttributeValue.fromS(opportunity));
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
        });
        for (int i = 0; i < writes.size(); i += WRITE_MAX) {
            Map<String, List<WriteRequest>> request = Map.of(table,
                    writes.subList(i, Math.min(writes.size(), i + WRITE_MAX)));
            while (!request.isEmpty()) {
                Map<String, List<WriteRequest>> asked = request;
                var response = dynamo.batchWriteItem(r -> r.requestItems(asked));
                request = response.unprocessedItems() == null ? Map.of() : response.unprocessedItems();
            }
        }
    }

    private static Map<String, AttributeValue> key(String roleId) {
        return Map.of("pk", AttributeValue.fromS(prefix() + roleId), "sk", AttributeValue.fromS(SK));
    }

    private static String prefix() {
        return "ROLE#";
    }
}
