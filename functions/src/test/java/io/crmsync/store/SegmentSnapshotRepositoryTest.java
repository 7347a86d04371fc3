package io.crmsync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.crmsync.config.CrmSyncConfig;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@QuarkusTest
class SegmentSnapshotRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(7);

    @Inject
    SegmentSnapshotRepository snapshots;
    @Inject
    DynamoDbClient dynamo;
    @Inject
    CrmSyncConfig config;

    @Test
    void snapshotOf100000Members_isSplitAcrossItems_andReadBackWhole() {
        // given: 100,000 Salesforce-style 18-character ids = 1.8 MB, far above one 400 KB item
        String segment = UUID.randomUUID().toString();
        Set<String> members = IntStream.range(0, 100_000).mapToObj(i -> String.format("003%015d", i))
                .collect(Collectors.toSet());
        SegmentSnapshot snapshot = new SegmentSnapshot(UUID.randomUUID().toString(), "contact", segment, T0, members);

        // when
        long started = System.nanoTime();
        snapshots.save(snapshot, RETENTION);
        long saved = System.nanoTime();
        SegmentSnapshot read = snapshots.find(snapshot.snapshotId()).orElseThrow();
        long loaded = System.nanoTime();

        // then
        assertThat(read.members()).hasSize(100_000).isEqualTo(members);
        assertThat(SegmentSnapshotRepository.split(members)).hasSizeGreaterThan(4);
        System.out.printf("100k-member snapshot: save %d ms, read %d ms%n",
                (saved - started) / 1_000_000, (loaded - saved) / 1_000_000);
    }

    @Test
    void diff_betweenTwoSnapshots_listsWhoEnteredAndWhoLeft() {
        // given
        String segment = UUID.randomUUID().toString();
        String before = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        snapshots.save(new SegmentSnapshot(before, "contact", segment, T0, Set.of("1", "2", "3")), RETENTION);
        snapshots.save(new SegmentSnapshot(after, "contact", segment, T0.plusSeconds(900), Set.of("2", "3", "4", "5")),
                RETENTION);

        // when
        SnapshotDiff diff = snapshots.diff(before, after);

        // then
        assertThat(diff.entered()).containsExactlyInAnyOrder("4", "5");
        assertThat(diff.left()).containsExactly("1");
    }

    @Test
    void savingASnapshotIdTwice_isRefused_andTheFirstVersionStaysReadable() {
        // given
        String id = UUID.randomUUID().toString();
        snapshots.save(new SegmentSnapshot(id, "contact", "list-1", T0, Set.of("1", "2")), RETENTION);

        // when / then
        assertThatThrownBy(() -> snapshots.save(new SegmentSnapshot(id, "contact", "list-1", T0, Set.of("3")), RETENTION))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already exists");
        assertThat(snapshots.find(id).orElseThrow().members()).containsExactlyInAnyOrder("1", "2");
    }

    @Test
    void current_isTheLastSnapshotMadeCurrent_includingAnEmptyOne_neverAnOlderOne_norOneOnlySaved() {
        // given
        String segment = UUID.randomUUID().toString();
        var first = new SegmentSnapshot(UUID.randomUUID().toString(), "contact", segment, T0, Set.of("1"));
        var emptied = new SegmentSnapshot(UUID.randomUUID().toString(), "contact", segment, T0.plusMillis(500), Set.of());
        var onlySaved = new SegmentSnapshot(UUID.randomUUID().toString(), "contact", segment, T0.plusSeconds(9), Set.of("9"));
        snapshots.save(first, RETENTION);
        snapshots.save(emptied, RETENTION);
        snapshots.save(onlySaved, RETENTION);

        // when: made current out of order; the last one saved never is
        snapshots.makeCurrent(emptied, RETENTION, T0);
        boolean olderMoved = snapshots.makeCurrent(first, RETENTION, T0);

        // then
        SegmentSnapshot current = snapshots.current("contact", segment).orElseThrow();
        assertThat(olderMoved).isFalse();
        assertThat(current.snapshotId()).isEqualTo(emptied.snapshotId());
        assertThat(current.members()).isEmpty();
        assertThat(snapshots.current("contact", UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void currentSnapshot_neverExpiresWhileCurrent_andExpiresOnceReplaced() {
        // given: a snapshot of ~3 parts made current
        String segment = UUID.randomUUID().toString();
        Set<String> members = IntStream.range(0, 15_000).mapToObj(i -> String.format("003%015d", i))
                .collect(Collectors.toSet());
        var older = new SegmentSnapshot(UUID.randomUUID().toString(), "contact", segment, T0, members);
        snapshots.save(older, RETENTION);
        snapshots.makeCurrent(older, RETENTION, T0);

        // then: no item of it has an expiry (polls may stop for days; batches must still find the membership)
        assertThat(expiries(older.snapshotId())).hasSizeGreaterThan(2).allMatch(e -> e == null);

        // when: a newer snapshot replaces it
        var newer = new SegmentSnapshot(UUID.randomUUID().toString(), "contact", segment, T0.plusSeconds(900), members);
        snapshots.save(newer, RETENTION);
        Instant replacedAt = T0.plusSeconds(960);
        snapshots.makeCurrent(newer, RETENTION, replacedAt);

        // then: the replaced one expires RETENTION after it was replaced; the new one does not expire
        assertThat(expiries(older.snapshotId())).allMatch(e -> e != null && e == replacedAt.plus(RETENTION).getEpochSecond());
        assertThat(expiries(newer.snapshotId())).allMatch(e -> e == null);
    }

    /** The TTL of each item of the snapshot (null: never expires). */
    private List<Long> expiries(String snapshotId) {
        return dynamo.query(r -> r.tableName(config.tableName()).consistentRead(true)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("SNAP#" + snapshotId)))).items()
                .stream().map(item -> item.containsKey(StoreSchema.TTL) ? Long.valueOf(item.get(StoreSchema.TTL).n())
                        : null).toList();
    }
}
