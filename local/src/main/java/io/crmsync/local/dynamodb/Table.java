package io.crmsync.local.dynamodb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One table's items, by partition and then in sort-key order, with its global secondary indexes kept in step on every
 * write. Items are stored as immutable wire-form maps: a write replaces the stored map, it never changes it, so a
 * reader may hand a stored map to the answer without copying. Writes take the table's lock, so each write (and a
 * transaction's writes together) is atomic with respect to other writes; reads take no lock and see each item either
 * before or after a write, which is DynamoDB's read-committed isolation for Query, Scan and BatchGetItem (and a
 * single GetItem sees a whole item). Reads therefore never wait for writes, as on DynamoDB.
 */
final class Table {

    /** A key schema: partition key and, optionally, sort key. */
    record KeySchema(String hash, String range) {
    }

    record Index(String name, KeySchema key, String projection, List<String> nonKeyAttributes) {
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    final String name;
    final KeySchema key;
    final Map<String, String> attributeTypes;
    final Map<String, Index> indexes;
    final ObjectNode definition;
    final String createdAt;
    volatile String ttlAttribute;
    final ReentrantLock lock = new ReentrantLock();

    private final Map<String, ConcurrentSkipListMap<Ordered, ObjectNode>> partitions = new ConcurrentHashMap<>();
    private final Map<String, Map<String, ConcurrentSkipListMap<IndexEntry, ObjectNode>>> indexPartitions =
            new HashMap<>();
    private volatile long itemCount;

    Table(String name, KeySchema key, Map<String, String> attributeTypes, Map<String, Index> indexes,
            ObjectNode definition, String createdAt) {
        this.name = name;
        this.key = key;
        this.attributeTypes = attributeTypes;
        this.indexes = indexes;
        this.definition = definition;
        this.createdAt = createdAt;
        indexes.keySet().forEach(i -> indexPartitions.put(i, new ConcurrentHashMap<>()));
    }

    long itemCount() {
        return itemCount;
    }

    /** A sort key value (or the absence of a sort key), ordered as DynamoDB orders sort keys. */
    record Ordered(JsonNode value) implements Comparable<Ordered> {
        static final Ordered NONE = new Ordered(null);

        @Override
        public int compareTo(Ordered o) {
            if (value == null || o.value == null) {
                return value == null ? (o.value == null ? 0 : -1) : 1;
            }
            Integer c = Values.compare(value, o.value);
            return c == null ? 0 : c;
        }
    }

    /** An index entry's position: the index's sort key, then the item's table key (index keys need not be unique). */
    record IndexEntry(Ordered sort, String tablePartition, Ordered tableSort) implements Comparable<IndexEntry> {
        private static final Comparator<IndexEntry> ORDER = Comparator.comparing(IndexEntry::sort)
                .thenComparing(IndexEntry::tablePartition).thenComparing(IndexEntry::tableSort);

        @Override
        public int compareTo(IndexEntry o) {
            return ORDER.compare(this, o);
        }
    }

    /** The partition a value names: its type and its text, so 1 and "1" are different partitions. */
    static String partitionOf(JsonNode value) {
        String type = Values.type(value);
        return type + ":" + value.get(type).asText();
    }

    /**
     * The key of a GetItem/DeleteItem/UpdateItem request: exactly the key attributes, of the declared types.
     */
    ObjectNode keyFrom(JsonNode requested) {
        ObjectNode key = Values.normalizeItem(requested, "Key");
        int expected = this.key.range() == null ? 1 : 2;
        if (key.size() != expected || !key.has(this.key.hash())
                || (this.key.range() != null && !key.has(this.key.range()))) {
            throw DynamoException.validation("The provided key element does not match the schema");
        }
        checkKeyAttribute(key, this.key.hash(), null);
        if (this.key.range() != null) {
            checkKeyAttribute(key, this.key.range(), null);
        }
        return key;
    }

    /** Checks a whole item's key and index-key attributes as DynamoDB does on a write. */
    void checkItem(ObjectNode item) {
        if (!item.has(key.hash()) || (key.range() != null && !item.has(key.range()))) {
            throw DynamoException.validation("One or more parameter values were invalid: Missing the key "
                    + (item.has(key.hash()) ? key.range() : key.hash()) + " in the item");
        }
        checkKeyAttribute(item, key.hash(), null);
        if (key.range() != null) {
            checkKeyAttribute(item, key.range(), null);
        }
        for (Index index : indexes.values()) {
            if (item.has(index.key().hash())) {
                checkKeyAttribute(item, index.key().hash(), index.name());
            }
            if (index.key().range() != null && item.has(index.key().range())) {
                checkKeyAttribute(item, index.key().range(), index.name());
            }
        }
        Values.checkSize(item);
    }

    private void checkKeyAttribute(ObjectNode item, String attribute, String indexName) {
        JsonNode value = item.get(attribute);
        String actual = Values.type(value);
        String expected = attributeTypes.get(attribute);
        if (!actual.equals(expected)) {
            throw DynamoException.validation("One or more parameter values were invalid: Type mismatch for "
                    + (indexName == null ? "key " + attribute : "Index Key " + attribute) + " Expected: " + expected
                    + " Actual: " + actual + (indexName == null ? "" : " IndexName: " + indexName));
        }
        if ((actual.equals("S") || actual.equals("B")) && value.get(actual).asText().isEmpty()) {
            throw DynamoException.validation("One or more parameter values are not valid. The AttributeValue for a key"
                    + " attribute cannot contain an empty " + (actual.equals("S") ? "string" : "binary") + " value."
                    + (indexName == null ? " Key: " : " IndexName: " + indexName + ", IndexKey: ") + attribute);
        }
    }

    /** The item's primary key attributes. */
    ObjectNode keyOf(ObjectNode item) {
        ObjectNode k = JSON.objectNode();
        k.set(key.hash(), item.get(key.hash()));
        if (key.range() != null) {
            k.set(key.range(), item.get(key.range()));
        }
        return k;
    }

    private Ordered sortOf(JsonNode item) {
        return key.range() == null ? Ordered.NONE : new Ordered(item.get(key.range()));
    }

    /** The stored item with this key, or null. */
    ObjectNode get(ObjectNode itemKey) {
        Map<Ordered, ObjectNode> partition = partitions.get(partitionOf(itemKey.get(key.hash())));
        return partition == null ? null : partition.get(sortOf(itemKey));
    }

    /** Stores the item (replacing any with its key) and answers the old one. Caller holds the lock. */
    ObjectNode put(ObjectNode item) {
        ObjectNode old = remove(keyOf(item));
        partitions.computeIfAbsent(partitionOf(item.get(key.hash())), p -> new ConcurrentSkipListMap<>())
                .put(sortOf(item), item);
        itemCount++;
        for (Index index : indexes.values()) {
            if (item.has(index.key().hash()) && (index.key().range() == null || item.has(index.key().range()))) {
                indexPartitions.get(index.name())
                        .computeIfAbsent(partitionOf(item.get(index.key().hash())), p -> new ConcurrentSkipListMap<>())
                        .put(indexEntry(index, item), item);
            }
        }
        return old;
    }

    /** Removes the item with this key and answers it, or null. Caller holds the lock. */
    ObjectNode remove(ObjectNode itemKey) {
        String partitionKey = partitionOf(itemKey.get(key.hash()));
        ConcurrentSkipListMap<Ordered, ObjectNode> partition = partitions.get(partitionKey);
        if (partition == null) {
            return null;
        }
        ObjectNode old = partition.remove(sortOf(itemKey));
        if (old == null) {
            return null;
        }
        if (partition.isEmpty()) {
            partitions.remove(partitionKey);
        }
        itemCount--;
        for (Index index : indexes.values()) {
            if (old.has(index.key().hash()) && (index.key().range() == null || old.has(index.key().range()))) {
                Map<String, ConcurrentSkipListMap<IndexEntry, ObjectNode>> byPartition =
                        indexPartitions.get(index.name());
                String ip = partitionOf(old.get(index.key().hash()));
                ConcurrentSkipListMap<IndexEntry, ObjectNode> entries = byPartition.get(ip);
                if (entries != null) {
                    entries.remove(indexEntry(index, old));
                    if (entries.isEmpty()) {
                        byPartition.remove(ip);
                    }
                }
            }
        }
        return old;
    }

    private IndexEntry indexEntry(Index index, JsonNode item) {
        Ordered sort = index.key().range() == null ? Ordered.NONE : new Ordered(item.get(index.key().range()));
        return new IndexEntry(sort, partitionOf(item.get(key.hash())), sortOf(item));
    }

    /**
     * A partition's items in sort order (descending when not forward), after {@code exclusiveStart} when given.
     * A live view: items written meanwhile may or may not show, each item whole.
     */
    Iterable<ObjectNode> partition(Index index, JsonNode partitionValue, boolean forward, JsonNode exclusiveStart) {
        String p = partitionOf(partitionValue);
        if (index == null) {
            ConcurrentSkipListMap<Ordered, ObjectNode> partition = partitions.get(p);
            if (partition == null) {
                return List.of();
            }
            NavigableMap<Ordered, ObjectNode> view = forward ? partition : partition.descendingMap();
            if (exclusiveStart != null) {
                view = view.tailMap(sortOf(exclusiveStart), false);
            }
            return view.values();
        }
        ConcurrentSkipListMap<IndexEntry, ObjectNode> entries = indexPartitions.get(index.name()).get(p);
        if (entries == null) {
            return List.of();
        }
        NavigableMap<IndexEntry, ObjectNode> view = forward ? entries : entries.descendingMap();
        if (exclusiveStart != null) {
            view = view.tailMap(indexEntry(index, exclusiveStart), false);
        }
        return view.values();
    }

    /** Every item (or every item in the index), partition by partition; after {@code exclusiveStart} if given. */
    List<ObjectNode> scan(Index index, JsonNode exclusiveStart) {
        List<ObjectNode> all = new ArrayList<>();
        if (index == null) {
            new TreeMap<>(partitions).values().forEach(p -> all.addAll(p.values()));
        } else {
            new TreeMap<>(indexPartitions.get(index.name())).values().forEach(p -> all.addAll(p.values()));
        }
        if (exclusiveStart == null) {
            return all;
        }
        ObjectNode startKey = keyOf((ObjectNode) exclusiveStart);
        for (int i = 0; i < all.size(); i++) {
            if (keyOf(all.get(i)).equals(startKey)) {
                return all.subList(i + 1, all.size());
            }
        }
        return List.of();
    }

    /** The key DynamoDB answers as LastEvaluatedKey for {@code item}: the table's key and the index's. */
    ObjectNode lastEvaluatedKey(Index index, ObjectNode item) {
        ObjectNode k = keyOf(item);
        if (index != null) {
            k.set(index.key().hash(), item.get(index.key().hash()));
            if (index.key().range() != null) {
                k.set(index.key().range(), item.get(index.key().range()));
            }
        }
        return k;
    }

    /** The item as an index projects it. */
    ObjectNode projected(Index index, ObjectNode item) {
        if (index == null || index.projection().equals("ALL")) {
            return item;
        }
        ObjectNode out = lastEvaluatedKey(index, item);
        if (index.projection().equals("INCLUDE")) {
            for (String a : index.nonKeyAttributes()) {
                if (item.has(a)) {
                    out.set(a, item.get(a));
                }
            }
        }
        return out;
    }

    /** Every item, for a snapshot. */
    List<ObjectNode> allItems() {
        List<ObjectNode> all = new ArrayList<>();
        partitions.values().forEach(p -> all.addAll(p.values()));
        return all;
    }

    static Map<String, String> attributeTypes(JsonNode definitions) {
        Map<String, String> types = new LinkedHashMap<>();
        if (definitions != null) {
            definitions.forEach(d -> types.put(d.path("AttributeName").asText(), d.path("AttributeType").asText()));
        }
        return types;
    }
}
