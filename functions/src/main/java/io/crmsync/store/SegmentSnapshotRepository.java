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
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Segment snapshots of up to ~100,000 members. Members are split into part items of at most {@link #PART_BYTES}
 * (a quarter of DynamoDB's 400 KB item limit), written first; the head item, which names the part count, is written
 * last. Readers start from the head, so a snapshot whose writer crashed midway is simply not there.
 */
@ApplicationScoped
public class SegmentSnapshotRepository {

    static final int PART_BYTES = 100_000;
    private static final String HEAD_SK = "HEAD";
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
     * Stores the snapshot; it and its parts expire (TTL) {@code retention} after it was taken. Snapshots are
     * immutable: saving an id twice is refused, since leftover parts of a larger first version would corrupt it.
     */
    public void save(SegmentSnapshot snapshot, Duration retention) {
        save(snapshot, retention, true);
    }

    /**
     * Stores a snapshot that is found by its id only, never as the segment's {@link #latest}: membership a resync or
     * an import read for the records it queues. It must not stand in the poller's chain of snapshots, whose diffs
     * find the segment's joiners.
     */
    public void savePinned(SegmentSnapshot snapshot, Duration retention) {
        save(snapshot, retention, false);
    }

    private void save(SegmentSnapshot snapshot, Duration retention, boolean latestCandidate) {
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
        if (latestCandidate) {
            head.put(StoreSchema.GSI1_PK, s(StoreKeys.segment(snapshot.objectType(), snapshot.segmentId())));
            head.put(StoreSchema.GSI1_SK, s(StoreTime.sortable(snapshot.takenAt()) + "#" + snapshot.snapshotId()));
        }
        head.put("snapshotId", s(snapshot.snapshotId()));
        head.put("objectType", s(snapshot.objectType()));
        head.put("segmentId", s(snapshot.segmentId()));
        head.put("takenAt", Attributes.instant(snapshot.takenAt()));
        head.put("partCount", n(parts.size()));
        head.put("memberCount", n(snapshot.members().size()));
        head.put(StoreSchema.TTL, expiresAt);
        dynamo.putItem(r -> r.tableName(table).item(head));
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

    /** The most recent snapshot of the segment, if any (gsi1, so a snapshot saved a moment ago may not show yet). */
    public Optional<SegmentSnapshot> latest(String objectType, String segmentId) {
        var items = dynamo.query(r -> r.tableName(table).indexName(StoreSchema.GSI1)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", StoreSchema.GSI1_PK))
                .expressionAttributeValues(Map.of(":pk", s(StoreKeys.segment(objectType, segmentId))))
                .scanIndexForward(false)
                .limit(1)).items();
        return items.isEmpty() ? Optional.empty() : find(Attributes.string(items.get(0), "snapshotId"));
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
