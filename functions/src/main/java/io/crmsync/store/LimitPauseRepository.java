package io.crmsync.store;

import static io.crmsync.store.Attributes.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.crmsync.config.CrmSyncConfig;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One item per CRM whose daily budget is spent; the last worker to meet the limit sets it (same reset either way). */
@ApplicationScoped
public class LimitPauseRepository {

    private static final String SK = "PAUSE";
    private static final List<String> CRMS = List.of("salesforce", "hubspot");

    private final DynamoDbClient dynamo;
    private final String table;

    LimitPauseRepository(DynamoDbClient dynamo, CrmSyncConfig config) {
        this.dynamo = dynamo;
        this.table = config.tableName();
    }

    public void save(LimitPause pause) {
        Map<String, AttributeValue> item = new HashMap<>(Attributes.key(key(pause.crm()), SK));
        item.put("crm", s(pause.crm()));
        item.put("until", Attributes.instant(pause.until()));
        item.put("since", Attributes.instant(pause.since()));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    public List<LimitPause> all() {
        List<LimitPause> out = new ArrayList<>();
        for (String crm : CRMS) {
            var item = dynamo.getItem(r -> r.tableName(table).key(Attributes.key(key(crm), SK))).item();
            if (item != null && !item.isEmpty()) {
                out.add(new LimitPause(crm, Attributes.instant(item, "until"), Attributes.instant(item, "since")));
            }
        }
        return out;
    }

    public void clear(String crm) {
        dynamo.deleteItem(r -> r.tableName(table).key(Attributes.key(key(crm), SK)));
    }

    private static String key(String crm) {
        return "LIMITPAUSE#" + crm;
    }
}
