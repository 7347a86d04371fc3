package io.crmsync.local.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crmsync.local.dynamodb.Expressions.Action;
import io.crmsync.local.dynamodb.Expressions.Condition;
import io.crmsync.local.dynamodb.Expressions.Path;
import io.crmsync.local.dynamodb.Expressions.Placeholders;

/**
 * The DynamoDB actions crm-sync and its tests call, on in-memory tables, answering in DynamoDB's JSON shapes and with
 * its validation errors. Expressions only: the legacy parameters (Expected, AttributesToGet, KeyConditions, ...) are
 * refused with an error that says so.
 */
final class Operations {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** A Query or Scan page stops after about 1 MB of items, as DynamoDB's does. */
    private static final long PAGE_BYTES = 1024 * 1024;
    private static final List<String> LEGACY = List.of("Expected", "AttributesToGet", "KeyConditions",
            "QueryFilter", "ScanFilter", "ConditionalOperator", "AttributeUpdates");

    private final Map<String, Table> tables = new ConcurrentHashMap<>();
    private final Runnable changed;

    Operations(Runnable changed) {
        this.changed = changed;
    }

    Map<String, Table> tables() {
        return tables;
    }

    JsonNode call(String action, JsonNode request) {
        for (String legacy : LEGACY) {
            if (request.has(legacy)) {
                throw DynamoException.validation(legacy + " is a legacy parameter; crm-sync's DynamoDB emulator"
                        + " takes expressions only (ConditionExpression, ProjectionExpression, ...)");
            }
        }
        return switch (action) {
            case "CreateTable" -> createTable(request);
            case "DescribeTable" -> describeTable(request);
            case "DeleteTable" -> deleteTable(request);
            case "ListTables" -> listTables(request);
            case "UpdateTimeToLive" -> updateTimeToLive(request);
            case "DescribeTimeToLive" -> describeTimeToLive(request);
            case "PutItem" -> putItem(request);
            case "GetItem" -> getItem(request);
            case "DeleteItem" -> deleteItem(request);
            case "UpdateItem" -> updateItem(request);
            case "Query" -> query(request);
            case "Scan" -> scan(request);
            case "BatchGetItem" -> batchGetItem(request);
            case "BatchWriteItem" -> batchWriteItem(request);
            case "TransactWriteItems" -> transactWriteItems(request);
            default -> throw DynamoException.unknownOperation(action);
        };
    }

    // --- tables ----------------------------------------------------------------------------------------------------

    private JsonNode createTable(JsonNode request) {
        String name = requiredText(request, "TableName");
        Map<String, String> types = Table.attributeTypes(request.get("AttributeDefinitions"));
        Table.KeySchema key = keySchema(request.get("KeySchema"), types, "the table");
        Map<String, Table.Index> indexes = new LinkedHashMap<>();
        JsonNode gsis = request.get("GlobalSecondaryIndexes");
        if (gsis != null && gsis.isArray()) {
            for (JsonNode gsi : gsis) {
                String indexName = requiredText(gsi, "IndexName");
                JsonNode projection = gsi.path("Projection");
                List<String> include = new ArrayList<>();
                projection.path("NonKeyAttributes").forEach(a -> include.add(a.asText()));
                indexes.put(indexName, new Table.Index(indexName, keySchema(gsi.get("KeySchema"), types, indexName),
                        projection.path("ProjectionType").asText("ALL"), include));
            }
        }
        Table table = new Table(name, key, types, indexes, (ObjectNode) request.deepCopy(),
                String.valueOf(Instant.now().getEpochSecond()));
        if (tables.putIfAbsent(name, table) != null) {
            throw DynamoException.resourceInUse("Table already exists: " + name);
        }
        changed.run();
        ObjectNode out = JSON.objectNode();
        out.set("TableDescription", description(table));
        return out;
    }

    /** Re-creates a table from its stored definition (a snapshot being loaded). */
    Table restore(ObjectNode definition) {
        createTable(definition);
        return tables.get(definition.get("TableName").asText());
    }

    private static Table.KeySchema keySchema(JsonNode schema, Map<String, String> types, String what) {
        if (schema == null || !schema.isArray() || schema.isEmpty()) {
            throw DynamoException.validation("1 validation error detected: KeySchema of " + what + " is required");
        }
        String hash = null;
        String range = null;
        for (JsonNode element : schema) {
            String attribute = element.path("AttributeName").asText();
            if (!types.containsKey(attribute)) {
                throw DynamoException.validation("One or more parameter values were invalid: Some index key"
                        + " attributes are not defined in AttributeDefinitions. Keys: [" + attribute + "]");
            }
            if ("HASH".equals(element.path("KeyType").asText())) {
                hash = attribute;
            } else {
                range = attribute;
            }
        }
        if (hash == null) {
            throw DynamoException.validation("Invalid KeySchema of " + what + ": a HASH key is required");
        }
        return new Table.KeySchema(hash, range);
    }

    private JsonNode describeTable(JsonNode request) {
        ObjectNode out = JSON.objectNode();
        out.set("Table", description(table(request)));
        return out;
    }

    private JsonNode deleteTable(JsonNode request) {
        Table table = table(request);
        tables.remove(table.name);
        changed.run();
        ObjectNode out = JSON.objectNode();
        out.set("TableDescription", description(table));
        return out;
    }

    private JsonNode listTables(JsonNode request) {
        String after = request.path("ExclusiveStartTableName").asText(null);
        int limit = request.path("Limit").asInt(100);
        List<String> names = tables.keySet().stream().sorted()
                .filter(n -> after == null || n.compareTo(after) > 0).toList();
        ObjectNode out = JSON.objectNode();
        ArrayNode array = out.putArray("TableNames");
        names.stream().limit(limit).forEach(array::add);
        if (names.size() > limit) {
            out.put("LastEvaluatedTableName", names.get(limit - 1));
        }
        return out;
    }

    private JsonNode updateTimeToLive(JsonNode request) {
        Table table = table(request);
        JsonNode spec = request.path("TimeToLiveSpecification");
        table.ttlAttribute = spec.path("Enabled").asBoolean() ? requiredText(spec, "AttributeName") : null;
        changed.run();
        ObjectNode out = JSON.objectNode();
        out.set("TimeToLiveSpecification", spec);
        return out;
    }

    private JsonNode describeTimeToLive(JsonNode request) {
        Table table = table(request);
        ObjectNode out = JSON.objectNode();
        ObjectNode d = out.putObject("TimeToLiveDescription");
        d.put("TimeToLiveStatus", table.ttlAttribute == null ? "DISABLED" : "ENABLED");
        if (table.ttlAttribute != null) {
            d.put("AttributeName", table.ttlAttribute);
        }
        return out;
    }

    private static ObjectNode description(Table table) {
        ObjectNode d = JSON.objectNode();
        d.put("TableName", table.name);
        d.put("TableStatus", "ACTIVE");
        d.put("TableArn", "arn:aws:dynamodb:local:000000000000:table/" + table.name);
        d.put("CreationDateTime", Long.parseLong(table.createdAt));
        d.set("KeySchema", table.definition.get("KeySchema"));
        d.set("AttributeDefinitions", table.definition.get("AttributeDefinitions"));
        d.put("ItemCount", table.itemCount());
        d.put("TableSizeBytes", 0);
        d.putObject("BillingModeSummary").put("BillingMode",
                table.definition.path("BillingMode").asText("PROVISIONED"));
        if (!table.indexes.isEmpty()) {
            ArrayNode gsis = d.putArray("GlobalSecondaryIndexes");
            for (JsonNode gsi : table.definition.get("GlobalSecondaryIndexes")) {
                ObjectNode g = gsi.deepCopy();
                g.put("IndexStatus", "ACTIVE");
                g.put("IndexArn", "arn:aws:dynamodb:local:000000000000:table/" + table.name + "/index/"
                        + gsi.path("IndexName").asText());
                gsis.add(g);
            }
        }
        return d;
    }

    private Table table(JsonNode request) {
        return table(requiredText(request, "TableName"));
    }

    private Table table(String name) {
        Table table = tables.get(name);
        if (table == null) {
            throw DynamoException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
        }
        return table;
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw DynamoException.validation("1 validation error detected: Value null at '" + field
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return v.asText();
    }

    // --- single items ----------------------------------------------------------------------------------------------

    /** A write prepared outside the lock: parsed, validated, ready to run under it. */
    private record Write(Table table, String kind, ObjectNode key, ObjectNode item, List<Action> actions,
            Condition condition, boolean oldOnFailure) {

        /** The item after this write, given the one before it (null: deleted, or a condition check). */
        ObjectNode after(ObjectNode before) {
            return switch (kind) {
                case "Put" -> item;
                case "Delete", "ConditionCheck" -> null;
                default -> {
                    ObjectNode next = before == null ? key.deepCopy() : before.deepCopy();
                    Expressions.apply(actions, next);
                    table.checkItem(next);
                    yield next;
                }
            };
        }

        boolean passes(ObjectNode before) {
            return condition == null || condition.test(before == null ? JSON.objectNode() : before);
        }
    }

    private Write prepare(String kind, JsonNode request, Table table) {
        Placeholders placeholders = new Placeholders(request.get("ExpressionAttributeNames"),
                request.get("ExpressionAttributeValues"));
        ObjectNode key;
        ObjectNode item = null;
        List<Action> actions = null;
        if (kind.equals("Put")) {
            item = Values.normalizeItem(request.get("Item"), "Item");
            table.checkItem(item);
            key = table.keyOf(item);
        } else {
            key = table.keyFrom(request.get("Key"));
        }
        if (kind.equals("Update")) {
            JsonNode expression = request.get("UpdateExpression");
            if (expression == null || !expression.isTextual()) {
                throw DynamoException.validation("UpdateItem needs an UpdateExpression");
            }
            actions = Expressions.update(expression.asText(), placeholders);
            for (Action a : actions) {
                String top = a.path().topName();
                if (top.equals(table.key.hash()) || top.equals(table.key.range())) {
                    throw DynamoException.validation("One or more parameter values were invalid: Cannot update"
                            + " attribute " + top + ". This attribute is part of the key");
                }
            }
        }
        JsonNode conditionText = request.get("ConditionExpression");
        Condition condition = conditionText == null || conditionText.isNull() ? null
                : Expressions.condition(conditionText.asText(), placeholders);
        if (kind.equals("ConditionCheck") && condition == null) {
            throw DynamoException.validation("A ConditionCheck needs a ConditionExpression");
        }
        placeholders.requireAllUsed();
        boolean oldOnFailure = "ALL_OLD".equals(request.path("ReturnValuesOnConditionCheckFailure").asText());
        return new Write(table, kind, key, item, actions, condition, oldOnFailure);
    }

    private JsonNode putItem(JsonNode request) {
        return single(prepare("Put", request, table(request)), request.path("ReturnValues").asText("NONE"));
    }

    private JsonNode deleteItem(JsonNode request) {
        return single(prepare("Delete", request, table(request)), request.path("ReturnValues").asText("NONE"));
    }

    private JsonNode updateItem(JsonNode request) {
        return single(prepare("Update", request, table(request)), request.path("ReturnValues").asText("NONE"));
    }

    private JsonNode single(Write write, String returnValues) {
        ObjectNode before;
        ObjectNode after;
        Lock lock = write.table().lock;
        lock.lock();
        try {
            before = write.table().get(write.key());
            if (!write.passes(before)) {
                throw DynamoException.conditionFailed(write.oldOnFailure() ? before : null);
            }
            after = write.after(before);
            if (after == null) {
                write.table().remove(write.key());
            } else {
                write.table().put(after);
            }
        } finally {
            lock.unlock();
        }
        changed.run();
        ObjectNode out = JSON.objectNode();
        ObjectNode attributes = returned(returnValues, write, before, after);
        if (attributes != null && !attributes.isEmpty()) {
            out.set("Attributes", attributes);
        }
        return out;
    }

    private static ObjectNode returned(String returnValues, Write write, ObjectNode before, ObjectNode after) {
        switch (returnValues) {
            case "NONE":
                return null;
            case "ALL_OLD":
                return before;
            case "ALL_NEW":
                return after;
            case "UPDATED_OLD":
            case "UPDATED_NEW": {
                ObjectNode source = returnValues.equals("UPDATED_OLD") ? before : after;
                if (source == null || write.actions() == null) {
                    return null;
                }
                ObjectNode out = JSON.objectNode();
                for (Action a : write.actions()) {
                    JsonNode v = source.get(a.path().topName());
                    if (v != null) {
                        out.set(a.path().topName(), v);
                    }
                }
                return out;
            }
            default:
                throw DynamoException.validation("Invalid ReturnValues: " + returnValues);
        }
    }

    private JsonNode getItem(JsonNode request) {
        Table table = table(request);
        ObjectNode key = table.keyFrom(request.get("Key"));
        Placeholders placeholders = new Placeholders(request.get("ExpressionAttributeNames"), null);
        List<Path> projection = projection(request, placeholders);
        placeholders.requireAllUsed();
        ObjectNode item = table.get(key);
        ObjectNode out = JSON.objectNode();
        if (item != null) {
            out.set("Item", projection == null ? item : Expressions.project(item, projection));
        }
        return out;
    }

    private static List<Path> projection(JsonNode request, Placeholders placeholders) {
        JsonNode text = request.get("ProjectionExpression");
        return text == null || text.isNull() ? null : Expressions.projection(text.asText(), placeholders);
    }

    // --- queries ---------------------------------------------------------------------------------------------------

    private JsonNode query(JsonNode request) {
        Table table = table(request);
        Table.Index index = index(table, request);
        Placeholders placeholders = new Placeholders(request.get("ExpressionAttributeNames"),
                request.get("ExpressionAttributeValues"));
        JsonNode keyText = request.get("KeyConditionExpression");
        if (keyText == null || !keyText.isTextual()) {
            throw DynamoException.validation("Either the KeyConditions or KeyConditionExpression parameter must be"
                    + " specified in the request.");
        }
        Table.KeySchema key = index == null ? table.key : index.key();
        Expressions.KeyCondition keyCondition = Expressions.keyCondition(keyText.asText(), placeholders, key.hash());
        Condition filter = filter(request, placeholders);
        List<Path> projection = projection(request, placeholders);
        placeholders.requireAllUsed();
        boolean forward = request.path("ScanIndexForward").asBoolean(true);
        JsonNode start = exclusiveStartKey(request);
        return page(table, index, table.partition(index, keyCondition.partitionValue(), forward, start),
                keyCondition.condition(), filter, projection, request);
    }

    private JsonNode scan(JsonNode request) {
        Table table = table(request);
        Table.Index index = index(table, request);
        Placeholders placeholders = new Placeholders(request.get("ExpressionAttributeNames"),
                request.get("ExpressionAttributeValues"));
        Condition filter = filter(request, placeholders);
        List<Path> projection = projection(request, placeholders);
        placeholders.requireAllUsed();
        JsonNode start = exclusiveStartKey(request);
        return page(table, index, table.scan(index, start), null, filter, projection, request);
    }

    private static JsonNode exclusiveStartKey(JsonNode request) {
        JsonNode start = request.get("ExclusiveStartKey");
        return start == null || start.isNull() ? null : Values.normalizeItem(start, "ExclusiveStartKey");
    }

    private static Table.Index index(Table table, JsonNode request) {
        JsonNode name = request.get("IndexName");
        if (name == null || name.isNull()) {
            return null;
        }
        Table.Index index = table.indexes.get(name.asText());
        if (index == null) {
            throw DynamoException.validation("The table does not have the specified index: " + name.asText());
        }
        if (request.path("ConsistentRead").asBoolean(false)) {
            throw DynamoException.validation("Consistent reads are not supported on global secondary indexes");
        }
        return index;
    }

    private static Condition filter(JsonNode request, Placeholders placeholders) {
        JsonNode text = request.get("FilterExpression");
        return text == null || text.isNull() ? null : Expressions.condition(text.asText(), placeholders);
    }

    /** One page of a Query or Scan: Limit counts the items read (before the filter), and a page holds about 1 MB. */
    private static JsonNode page(Table table, Table.Index index, Iterable<ObjectNode> candidates, Condition keyCondition,
            Condition filter, List<Path> projection, JsonNode request) {
        int limit = request.has("Limit") ? request.get("Limit").asInt() : Integer.MAX_VALUE;
        if (limit < 1) {
            throw DynamoException.validation("1 validation error detected: Value '" + request.get("Limit")
                    + "' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        boolean countOnly = "COUNT".equals(request.path("Select").asText());
        ArrayNode items = JSON.arrayNode();
        int scanned = 0;
        int count = 0;
        long bytes = 0;
        ObjectNode last = null;
        boolean more = false;
        for (ObjectNode item : candidates) {
            if (keyCondition != null && !keyCondition.test(item)) {
                continue;
            }
            if (scanned == limit || bytes >= PAGE_BYTES) {
                more = true;
                break;
            }
            scanned++;
            last = item;
            bytes += Values.itemSize(item);
            if (filter != null && !filter.test(item)) {
                continue;
            }
            count++;
            if (!countOnly) {
                ObjectNode projected = table.projected(index, item);
                items.add(projection == null ? projected : Expressions.project(projected, projection));
            }
        }
        // DynamoDB answers a LastEvaluatedKey whenever the Limit was reached, even if nothing follows
        more |= scanned == limit;
        ObjectNode out = JSON.objectNode();
        if (!countOnly) {
            out.set("Items", items);
        }
        out.put("Count", count);
        out.put("ScannedCount", scanned);
        if (more && last != null) {
            out.set("LastEvaluatedKey", table.lastEvaluatedKey(index, last));
        }
        return out;
    }

    // --- batches and transactions ----------------------------------------------------------------------------------

    private JsonNode batchGetItem(JsonNode request) {
        JsonNode requestItems = request.get("RequestItems");
        if (requestItems == null || !requestItems.isObject() || requestItems.isEmpty()) {
            throw DynamoException.validation("1 validation error detected: Value null at 'requestItems' failed to"
                    + " satisfy constraint: Member must not be null");
        }
        int total = 0;
        for (JsonNode keys : requestItems) {
            total += keys.path("Keys").size();
        }
        if (total > 100) {
            throw DynamoException.validation("Too many items requested for the BatchGetItem call");
        }
        ObjectNode out = JSON.objectNode();
        ObjectNode responses = out.putObject("Responses");
        for (var it = requestItems.fields(); it.hasNext();) {
            var entry = it.next();
            Table table = table(entry.getKey());
            JsonNode spec = entry.getValue();
            Placeholders placeholders = new Placeholders(spec.get("ExpressionAttributeNames"), null);
            List<Path> projection = projection(spec, placeholders);
            placeholders.requireAllUsed();
            List<ObjectNode> keys = new ArrayList<>();
            Set<ObjectNode> distinct = new HashSet<>();
            for (JsonNode k : spec.path("Keys")) {
                ObjectNode key = table.keyFrom(k);
                if (!distinct.add(key)) {
                    throw DynamoException.validation("Provided list of item keys contains duplicates");
                }
                keys.add(key);
            }
            ArrayNode found = responses.putArray(entry.getKey());
            for (ObjectNode key : keys) {
                ObjectNode item = table.get(key);
                if (item != null) {
                    found.add(projection == null ? item : Expressions.project(item, projection));
                }
            }
        }
        out.putObject("UnprocessedKeys");
        return out;
    }

    private JsonNode batchWriteItem(JsonNode request) {
        JsonNode requestItems = request.get("RequestItems");
        if (requestItems == null || !requestItems.isObject() || requestItems.isEmpty()) {
            throw DynamoException.validation("1 validation error detected: Value null at 'requestItems' failed to"
                    + " satisfy constraint: Member must not be null");
        }
        List<Write> writes = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        for (var it = requestItems.fields(); it.hasNext();) {
            var entry = it.next();
            Table table = table(entry.getKey());
            for (JsonNode w : entry.getValue()) {
                Write write;
                if (w.has("PutRequest")) {
                    write = prepare("Put", w.get("PutRequest"), table);
                } else if (w.has("DeleteRequest")) {
                    write = prepare("Delete", w.get("DeleteRequest"), table);
                } else {
                    throw DynamoException.validation("A BatchWriteItem request needs a PutRequest or a DeleteRequest");
                }
                if (!distinct.add(table.name + " " + write.key())) {
                    throw DynamoException.validation("Provided list of item keys contains duplicates");
                }
                writes.add(write);
            }
        }
        if (writes.size() > 25) {
            throw DynamoException.validation("1 validation error detected: Value at 'requestItems' failed to satisfy"
                    + " constraint: Map value must satisfy constraint: [Member must have length less than or equal"
                    + " to 25, Member must have length greater than or equal to 1]");
        }
        for (Write write : writes) {
            single(write, "NONE");
        }
        ObjectNode out = JSON.objectNode();
        out.putObject("UnprocessedItems");
        return out;
    }

    private JsonNode transactWriteItems(JsonNode request) {
        JsonNode actions = request.get("TransactItems");
        if (actions == null || !actions.isArray() || actions.isEmpty()) {
            throw DynamoException.validation("1 validation error detected: Value null at 'transactItems' failed to"
                    + " satisfy constraint: Member must not be null");
        }
        if (actions.size() > 100) {
            throw DynamoException.validation("1 validation error detected: Value '[...]' at 'transactItems' failed"
                    + " to satisfy constraint: Member must have length less than or equal to 100");
        }
        List<Write> writes = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        for (JsonNode action : actions) {
            String kind = action.fieldNames().hasNext() ? action.fieldNames().next() : "";
            if (!List.of("Put", "Update", "Delete", "ConditionCheck").contains(kind) || action.size() != 1) {
                throw DynamoException.validation("A TransactItem holds exactly one of Put, Update, Delete or"
                        + " ConditionCheck");
            }
            JsonNode body = action.get(kind);
            Write write = prepare(kind, body, table(body));
            if (!distinct.add(write.table().name + " " + write.key())) {
                throw DynamoException.validation("Transaction request cannot include multiple operations on one item");
            }
            writes.add(write);
        }
        // every table the transaction touches, locked in one order so two transactions cannot deadlock
        List<Table> locked = writes.stream().map(Write::table).distinct()
                .sorted(Comparator.comparing(t -> t.name)).toList();
        locked.forEach(t -> t.lock.lock());
        try {
            List<ObjectNode> before = new ArrayList<>();
            boolean failed = false;
            for (Write write : writes) {
                ObjectNode b = write.table().get(write.key());
                before.add(b);
                failed |= !write.passes(b);
            }
            if (failed) {
                throw cancelled(writes, before);
            }
            List<ObjectNode> after = new ArrayList<>();
            for (int i = 0; i < writes.size(); i++) {
                after.add(writes.get(i).after(before.get(i)));
            }
            for (int i = 0; i < writes.size(); i++) {
                Write write = writes.get(i);
                if (write.kind().equals("ConditionCheck")) {
                    continue;
                }
                if (after.get(i) == null) {
                    write.table().remove(write.key());
                } else {
                    write.table().put(after.get(i));
                }
            }
        } finally {
            locked.forEach(t -> t.lock.unlock());
        }
        changed.run();
        return JSON.objectNode();
    }

    private static DynamoException cancelled(List<Write> writes, List<ObjectNode> before) {
        ObjectNode extra = JSON.objectNode();
        ArrayNode reasons = extra.putArray("CancellationReasons");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            Write write = writes.get(i);
            ObjectNode reason = reasons.addObject();
            if (write.passes(before.get(i))) {
                reason.put("Code", "None");
                codes.add("None");
            } else {
                reason.put("Code", "ConditionalCheckFailed");
                reason.put("Message", "The conditional request failed");
                if (write.oldOnFailure() && before.get(i) != null) {
                    reason.set("Item", before.get(i));
                }
                codes.add("ConditionalCheckFailed");
            }
        }
        return DynamoException.transactionCanceled(String.join(", ", codes), extra);
    }

    /** Every table's definition, time-to-live attribute and items, for a snapshot. */
    ObjectNode snapshot() {
        ObjectNode out = JSON.objectNode();
        ArrayNode array = out.putArray("tables");
        for (Table table : new TreeMap<>(tables).values()) {
            ObjectNode t = array.addObject();
            t.set("definition", table.definition);
            if (table.ttlAttribute != null) {
                t.put("ttlAttribute", table.ttlAttribute);
            }
            ArrayNode items = t.putArray("items");
            // under the lock: a snapshot holds whole transactions
            table.lock.lock();
            try {
                table.allItems().forEach(items::add);
            } finally {
                table.lock.unlock();
            }
        }
        return out;
    }

    /** Loads a snapshot written by {@link #snapshot()}. */
    void load(JsonNode snapshot) {
        for (JsonNode t : snapshot.path("tables")) {
            Table table = restore((ObjectNode) t.get("definition"));
            table.ttlAttribute = t.path("ttlAttribute").asText(null);
            table.lock.lock();
            try {
                t.path("items").forEach(item -> table.put((ObjectNode) item));
            } finally {
                table.lock.unlock();
            }
        }
    }
}
