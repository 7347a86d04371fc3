package io.crmsync.store;

import static io.crmsync.store.Attributes.n;
import static io.crmsync.store.Attributes.s;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.crmsync.config.CrmSyncConfig;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Segment snapshots of up to ~100,000 members. Members are split into part items of at most {@link #PART_BYTES}
 * (a quarter of DynamoDB's 400 KB item limit), written first; the head item, which names the part count, is written
 * last. Readers start from the head, so a snapshot whose writer crashed midway is simply not there. Which snapshot is
 * the segment's current one is a pointer item read with a strongly consistent GetItem, never an index (a GSI may lag
 * behind a snapshot saved a moment ago, and a reader would then diff or judge against the one before).
 */
@ApplicationScoped
public class SegmentSnapshotRepository {

    static final int PART_BYTES = 100_000;
    private static final String HEAD_SK = "HEAD";
    private static final String CURRENT_SK = "CURRENT";
    private static final String PART_PREFIX = "PART#";
    /** BatchWriteItem accepts at most 25 requests per call. */
    private static final int BATCH_WRITE_LIMIT = 25;

    private final DynamoDbClient dynamo;
    private final String table;

    SegmentSnapshotRepository(DynamoDbClient dynamo, CrmSyncConfig config) {
        this.dynamo = dynamo;
        this.table = config.tableName();
    }

    /**
     * Stores the snapshot, found by its id only until {@link #makeCurrent} makes it the segment's current one. It and
     * its parts expire (TTL) {@code retention} after it was taken unless it becomes current first: a poll that dies
     * before queuing what the snapshot found leaves nothing behind that a later poll would diff against. Snapshots
     * are immutable: saving an id twice is refused, since leftover parts of a larger first version would corrupt it.
     */
    public void save(SegmentSnapshot snapshot, Duration retention) {
        String pk = StoreKeys.snapshot(snapshot.snapshotId());
        var existing = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Attributes.key(pk, HEAD_SK)).projectionExpression("#pk")
                .expressionAttributeNames(Map.of("#pk", StoreSchema.PK))).item();
        if (existing != null && !existing.isEmpty()) {
            throw new IllegalStateException("Segment snapshot " + snapshot.snapshotId() + " already exists");
        }
        AttributeValue expiresAt = n(snapshot.takenAt().plus(retention).getEpochSecond());
        List<List<String>> parts = split(snapshot.members());
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Map<String, AttributeValue> part = new HashMap<>(Attributes.key(pk, StoreKeys.snapshotPart(i)));
            part.put("members", AttributeValue.fromSs(parts.get(i)));
            part.put(StoreSchema.TTL, expiresAt);
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(part).build()).build());
        }
        for (int from = 0; from < writes.size(); from += BATCH_WRITE_LIMIT) {
            writeAll(writes.subList(from, Math.min(from + BATCH_WRITE_LIMIT, writes.size())));
        }
        Map<String, AttributeValue> head = new HashMap<>(Attributes.key(pk, HEAD_SK));
        head.put("snapshotId", s(snapshot.snapshotId()));
        head.put("objectType", s(snapshot.objectType()));
        head.put("segmentId", s(snapshot.segmentId()));
        head.put("takenAt", Attributes.instant(snapshot.takenAt()));
        head.put("partCount", n(parts.size()));
        head.put("memberCount", n(snapshot.members().size()));
        head.put(StoreSchema.TTL, expiresAt);
        dynamo.putItem(r -> r.tableName(table).item(head));
    }

    /**
     * Makes a saved snapshot the segment's current one, the one the next poll diffs against: its expiry is lifted
     * (the current snapshot must outlive any outage of the poll, or every batch would find no membership), then the
     * segment's pointer moves to it, then the snapshot it replaced expires {@code keepReplacedFor} from now (batches
     * in flight may still name it). The pointer only moves forward: an older snapshot never replaces a newer one.
     *
     * @return whether it became current (false: a newer snapshot already is)
     */
    public boolean makeCurrent(SegmentSnapshot snapshot, Duration keepReplacedFor, Instant now) {
        String pk = StoreKeys.snapshot(snapshot.snapshotId());
        int parts = split(snapshot.members()).size();
        setExpiry(pk, parts, null);
        Map<String, AttributeValue> pointer = new HashMap<>(
                Attributes.key(StoreKeys.segment(snapshot.objectType(), snapshot.segmentId()), CURRENT_SK));
        pointer.put("snapshotId", s(snapshot.snapshotId()));
        pointer.put("takenAt", s(StoreTime.sortable(snapshot.takenAt())));
        Map<String, AttributeValue> replaced;
        try {
            replaced = dynamo.putItem(r -> r.tableName(table).item(pointer)
                    .conditionExpression("attribute_not_exists(#pk) OR #takenAt <= :takenAt")
                    .expressionAttributeNames(Map.of("#pk", StoreSchema.PK, "#takenAt", "takenAt"))
                    .expressionAttributeValues(Map.of(":takenAt", pointer.get("takenAt")))
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
        } catch (ConditionalCheckFailedException e) {
            setExpiry(pk, parts, now.plus(keepReplacedFor));
            return false;
        }
        if (replaced != null && replaced.containsKey("snapshotId")
                && !snapshot.snapshotId().equals(Attributes.string(replaced, "snapshotId"))) {
            String old = StoreKeys.snapshot(Attributes.string(replaced, "snapshotId"));
            var oldHead = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                    .key(Attributes.key(old, HEAD_SK))).item();
            if (oldHead != null && !oldHead.isEmpty()) {
                setExpiry(old, (int) Attributes.number(oldHead, "partCount"), now.plus(keepReplacedFor));
            }
        }
        return true;
    }

    /** Sets (or, with null, lifts) the expiry of a snapshot's head and its parts. */
    private void setExpiry(String pk, int parts, Instant expiresAt) {
        List<String> sortKeys = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            sortKeys.add(StoreKeys.snapshotPart(i));
        }
        sortKeys.add(HEAD_SK);
        for (String sk : sortKeys) {
            try {
                // attribute_exists: an update must not create an item where DynamoDB already expired one.
                if (expiresAt == null) {
                    dynamo.updateItem(r -> r.tableName(table).key(Attributes.key(pk, sk)).updateExpression("REMOVE #ttl")
                            .conditionExpression("attribute_exists(#pk)")
                            .expressionAttributeNames(Map.of("#ttl", StoreSchema.TTL, "#pk", StoreSchema.PK)));
                } else {
                    dynamo.updateItem(r -> r.tableName(table).key(Attributes.key(pk, sk))
                            .updateExpression("SET #ttl = :ttl").conditionExpression("attribute_exists(#pk)")
                            .expressionAttributeNames(Map.of("#ttl", StoreSchema.TTL, "#pk", StoreSchema.PK))
                            .expressionAttributeValues(Map.of(":ttl", n(expiresAt.getEpochSecond()))));
                }
            } catch (ConditionalCheckFailedException gone) {
                // Already expired and deleted: a reader finds the snapshot incomplete and says so.
            }
        }
    }

    public Optional<SegmentSnapshot> find(String snapshotId) {
        String pk = StoreKeys.snapshot(snapshotId);
        Map<String, AttributeValue> head = null;
        Set<String> members = new HashSet<>();
        int parts = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse response = dynamo.query(r -> r.tableName(table).consistentRead(true)
                    .keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", StoreSchema.PK))
                    .expressionAttributeValues(Map.of(":pk", s(pk)))
                    .exclusiveStartKey(exclusiveStart));
            for (Map<String, AttributeValue> item : response.items()) {
                String sk = Attributes.string(item, StoreSchema.SK);
                if (HEAD_SK.equals(sk)) {
                    head = item;
                } else if (sk.startsWith(PART_PREFIX)) {
                    parts++;
                    AttributeValue part = item.get("members");
                    if (part == null || !part.hasSs()) {
                        throw new CorruptItemException(pk, "members of " + sk, "is not a string set");
                    }
                    members.addAll(part.ss());
                }
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        if (head == null) {
            return Optional.empty();
        }
        long expectedParts = Attributes.number(head, "partCount");
        long expectedMembers = Attributes.number(head, "memberCount");
        if (parts != expectedParts || members.size() != expectedMembers) {
            throw new SnapshotIncompleteException(snapshotId, "expected " + expectedMembers + " members in "
                    + expectedParts + " parts, found " + members.size() + " in " + parts);
        }
        return Optional.of(new SegmentSnapshot(snapshotId, Attributes.string(head, "objectType"),
                Attributes.string(head, "segmentId"), Attributes.instant(head, "takenAt"), members));
    }

    /**
     * The segment's current snapshot (the last one {@link #makeCurrent} moved to), if any. Strongly consistent: a
     * snapshot made current a moment ago is what the next reader sees.
     */
    public Optional<SegmentSnapshot> current(String objectType, String segmentId) {
        var pointer = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Attributes.key(StoreKeys.segment(objectType, segmentId), CURRENT_SK))).item();
        if (pointer == null || pointer.isEmpty()) {
            return Optional.empty();
        }
        String id = Attributes.string(pointer, "snapshotId");
        return Optional.of(find(id).orElseThrow(() -> new SnapshotIncompleteException(id,
                "is the current snapshot of segment " + segmentId + " but its head item is missing")));
    }

    /** Members that entered and left between two stored snapshots of one segment. */
    public SnapshotDiff diff(String olderSnapshotId, String newerSnapshotId) {
        SegmentSnapshot older = find(olderSnapshotId).orElseThrow(
                () -> new SnapshotIncompleteException(olderSnapshotId, "not found"));
        SegmentSnapshot newer = find(newerSnapshotId).orElseThrow(
                () -> new SnapshotIncompleteException(newerSnapshotId, "not found"));
        return SnapshotDiff.between(older, newer);
    }

    /** Splits members into parts of at most PART_BYTES of id text (ids are small; counting bytes keeps it safe). */
    static List<List<String>> split(Set<String> members) {
        List<List<String>> parts = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int bytes = 0;
        for (String member : members.stream().sorted().toList()) {
            int size = member.getBytes(StandardCharsets.UTF_8).length;
            if (size > PART_BYTES) {
                throw new IllegalArgumentException("Member id longer than " + PART_BYTES + " bytes");
            }
            if (bytes + size > PART_BYTES) {
                parts.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(member);
            bytes += size;
        }
        if (!current.isEmpty()) {
            parts.add(current);
        }
        return parts;
    }

    private void writeAll(List<WriteRequest> writes) {
        Map<String, List<WriteRequest>> pending = Map.of(table, writes);
        int attempt = 0;
        while (!pending.isEmpty()) {
            BatchWriteItemResponse response = dynamo.batchWriteItem(
                    BatchWriteItemRequest.builder().requestItems(pending).build());
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            if (!pending.isEmpty()) {
                Backoff.pause(++attempt, "BatchWriteItem unprocessed snapshot parts");
            }
        }
    }
}
