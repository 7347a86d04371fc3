package io.crmsync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class SegmentSnapshotRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(7);

    @Inject
    SegmentSnapshotRepository snapshots;

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
    void latest_returnsTheMostRecentSnapshotOfTheSegment_includingAnEmptyOne() {
        // given
        String segment = UUID.randomUUID().toString();
        snapshots.save(new SegmentSnapshot(UUID.randomUUID().toString(), "contact", segment, T0, Set.of("1")), RETENTION);
        String emptied = UUID.randomUUID().toString();
        snapshots.save(new SegmentSnapshot(emptied, "contact", segment, T0.plusMillis(500), Set.of()), RETENTION);

        // when
        SegmentSnapshot latest = snapshots.latest("contact", segment).orElseThrow();

        // then
        assertThat(latest.snapshotId()).isEqualTo(emptied);
        assertThat(latest.members()).isEmpty();
        assertThat(snapshots.latest("contact", UUID.randomUUID().toString())).isEmpty();
    }
}
