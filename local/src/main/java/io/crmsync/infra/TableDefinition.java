package io.crmsync.infra;

import static io.crmsync.infra.TemplateDefinitions.list;
import static io.crmsync.infra.TemplateDefinitions.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A DynamoDB table as template.yaml declares it: key schema, attribute types, GSIs, TTL and backups. */
public record TableDefinition(Map<String, String> attributeTypes, Key primaryKey, List<Index> globalSecondaryIndexes,
        String ttlAttribute, String billingMode, boolean pointInTimeRecovery) {

    public record Key(String partitionKey, String sortKey) {
    }

    public record Index(String name, Key key, String projection) {
    }

    static TableDefinition from(Map<String, Object> p) {
        Map<String, String> types = new LinkedHashMap<>();
        for (Object a : list(p.get("AttributeDefinitions"), "Table.AttributeDefinitions")) {
            Map<String, Object> attr = map(a, "AttributeDefinition");
            types.put((String) attr.get("AttributeName"), (String) attr.get("AttributeType"));
        }
        List<Index> indexes = p.get("GlobalSecondaryIndexes") == null ? List.of()
                : list(p.get("GlobalSecondaryIndexes"), "GlobalSecondaryIndexes").stream().map(i -> {
                    Map<String, Object> index = map(i, "GlobalSecondaryIndex");
                    String projection = (String) map(index.get("Projection"), "Projection").get("ProjectionType");
                    return new Index((String) index.get("IndexName"), key(index.get("KeySchema")), projection);
                }).toList();
        Map<String, Object> ttl = p.get("TimeToLiveSpecification") == null ? Map.of()
                : map(p.get("TimeToLiveSpecification"), "TimeToLiveSpecification");
        Map<String, Object> pitr = p.get("PointInTimeRecoverySpecification") == null ? Map.of()
                : map(p.get("PointInTimeRecoverySpecification"), "PointInTimeRecoverySpecification");
        return new TableDefinition(types, key(p.get("KeySchema")), indexes,
                Boolean.TRUE.equals(ttl.get("Enabled")) ? (String) ttl.get("AttributeName") : null,
                (String) p.get("BillingMode"), Boolean.TRUE.equals(pitr.get("PointInTimeRecoveryEnabled")));
    }

    private static Key key(Object keySchema) {
        String hash = null;
        String range = null;
        for (Object k : list(keySchema, "KeySchema")) {
            Map<String, Object> element = map(k, "KeySchema element");
            if ("HASH".equals(element.get("KeyType"))) {
                hash = (String) element.get("AttributeName");
            } else if ("RANGE".equals(element.get("KeyType"))) {
                range = (String) element.get("AttributeName");
            }
        }
        return new Key(hash, range);
    }
}
