package io.crmsync.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Properties of the pure formats and algorithms behind the store (no DynamoDB needed). */
class StoreFormatsPropertiesTest {

    private static final long YEAR_9999 = 253_402_300_799L;

    @Property
    void sortableTimestamps_sortLikeTheInstants(@ForAll @LongRange(min = 0, max = YEAR_9999) long secondsA,
            @ForAll @LongRange(min = 0, max = 999_999_999) long nanosA,
            @ForAll @LongRange(min = 0, max = YEAR_9999) long secondsB,
            @ForAll @LongRange(min = 0, max = 999_999_999) long nanosB) {
        Instant a = Instant.ofEpochSecond(secondsA, nanosA);
        Instant b = Instant.ofEpochSecond(secondsB, nanosB);
        assertThat(Integer.signum(StoreTime.sortable(a).compareTo(StoreTime.sortable(b))))
                .isEqualTo(Integer.signum(a.compareTo(b)));
    }

    @Property
    void diff_appliedToTheOlderSnapshot_givesTheNewerOne(@ForAll @Size(max = 60) Set<@AlphaChars @StringLength(min = 1, max = 3) String> older,
            @ForAll @Size(max = 60) Set<@AlphaChars @StringLength(min = 1, max = 3) String> newer) {
        Instant t = Instant.EPOCH;
        SnapshotDiff diff = SnapshotDiff.between(new SegmentSnapshot("a", "contact", "s", t, older),
                new SegmentSnapshot("b", "contact", "s", t, newer));
        Set<String> rebuilt = new HashSet<>(older);
        rebuilt.removeAll(diff.left());
        rebuilt.addAll(diff.entered());
        assertThat(rebuilt).isEqualTo(newer);
        assertThat(diff.entered()).noneMatch(diff.left()::contains);
    }

    @Property(tries = 50)
    void snapshotParts_holdEveryMemberOnce_andStayUnderThePartSize(
            @ForAll @Size(max = 3_000) Set<@NumericChars @StringLength(min = 1, max = 200) String> members) {
        List<List<String>> parts = SegmentSnapshotRepository.split(members);
        assertThat(parts.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(members);
        assertThat(parts).allSatisfy(part -> {
            assertThat(part).isNotEmpty();
            assertThat(part.stream().mapToInt(m -> m.getBytes(StandardCharsets.UTF_8).length).sum())
                    .isLessThanOrEqualTo(SegmentSnapshotRepository.PART_BYTES);
        });
    }

    @Property
    void watermarkPositions_orderNumericIdsNumerically(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long a,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long b) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        String pa = WatermarkRepository.position(new Watermark("contact", CrmSide.HUBSPOT, t, Long.toString(a), t));
        String pb = WatermarkRepository.position(new Watermark("contact", CrmSide.HUBSPOT, t, Long.toString(b), t));
        assertThat(Integer.signum(pa.compareTo(pb))).isEqualTo(Long.signum(a - b));
    }
}
