package io.crmsync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class SyncErrorRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @Inject
    SyncErrorRepository errors;

    @Test
    void repeatedFailure_countsAttempts_andKeepsTheFirstSeenTime() {
        // given
        String type = objectType();
        errors.record(type, "101", null, "VALIDATION", "Email is invalid", T0);

        // when
        SyncError again = errors.record(type, "101", null, "VALIDATION", "Email is still invalid", T0.plusSeconds(60));

        // then
        assertThat(again.attempts()).isEqualTo(2);
        assertThat(again.firstSeen()).isEqualTo(T0);
        assertThat(again.lastSeen()).isEqualTo(T0.plusSeconds(60));
        assertThat(again.message()).isEqualTo("Email is still invalid");
        assertThat(again.salesforceId()).isNull();
    }

    @Test
    void resolved_dropsOutOfTheOpenList_andGetsATtl() {
        // given
        String type = objectType();
        errors.record(type, "101", "003A", "DUPLICATE", "duplicate value found", T0);
        errors.record(type, "102", "003B", "DUPLICATE", "duplicate value found", T0);

        // when
        SyncError resolved = errors.resolve(type, "101", "003A", "DUPLICATE", T0.plusSeconds(5)).orElseThrow();

        // then
        assertThat(resolved.resolved()).isTrue();
        assertThat(resolved.expiresAt()).isEqualTo(T0.plusSeconds(5).plus(SyncErrorRepository.RESOLVED_RETENTION));
        assertThat(errors.listOpen(type, Optional.empty(), Optional.empty(), 50).items())
                .extracting(SyncError::hubspotId).containsExactly("102");
        assertThat(errors.countOpenByCategory(type)).isEqualTo(Map.of("DUPLICATE", 1L));
    }

    @Test
    void failingAgainAfterResolution_reopensTheError_withoutTtl() {
        // given
        String type = objectType();
        errors.record(type, "101", null, "PERMISSION", "insufficient access", T0);
        errors.resolve(type, "101", null, "PERMISSION", T0.plusSeconds(1));

        // when
        SyncError reopened = errors.record(type, "101", null, "PERMISSION", "insufficient access", T0.plusSeconds(2));

        // then
        assertThat(reopened.resolved()).isFalse();
        assertThat(reopened.expiresAt()).isNull();
        assertThat(reopened.attempts()).isEqualTo(2);
        assertThat(errors.countOpenByCategory(type)).containsEntry("PERMISSION", 1L);
    }

    @Test
    void listOpen_byCategory_pagesWithACursor_andDoesNotMixCategoriesWithACommonPrefix() {
        // given
        String type = objectType();
        for (int i = 0; i < 5; i++) {
            errors.record(type, "20" + i, null, "VALIDATION", "bad", T0);
        }
        errors.record(type, "300", null, "VALID", "prefix of another category", T0);
        errors.record(type, "301", null, "NOT_FOUND", "gone", T0);

        // when
        List<SyncError> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            Page<SyncError> page = errors.listOpen(type, Optional.of("VALIDATION"), cursor, 2);
            all.addAll(page.items());
            cursor = page.cursor();
            pages++;
        } while (cursor.isPresent());

        // then
        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(all).extracting(SyncError::hubspotId).containsExactly("200", "201", "202", "203", "204");
        assertThat(errors.countOpenByCategory(type))
                .containsExactly(Map.entry("NOT_FOUND", 1L), Map.entry("VALID", 1L), Map.entry("VALIDATION", 5L));
    }

    @Test
    void cursorFromAnotherObjectsList_isRejected() {
        // given
        String contacts = objectType();
        errors.record(contacts, "1", null, "X", "m", T0);
        errors.record(contacts, "2", null, "X", "m", T0);
        String cursor = errors.listOpen(contacts, Optional.empty(), Optional.empty(), 1).cursor().orElseThrow();

        // when / then
        assertThatThrownBy(() -> errors.listOpen(objectType(), Optional.empty(), Optional.of(cursor), 1))
                .isInstanceOf(InvalidCursorException.class).hasMessageContaining("another listing");
    }

    @Test
    void resolve_ofAnUnknownError_isEmpty() {
        assertThat(errors.resolve(objectType(), "1", null, "X", T0)).isEmpty();
    }

    @Test
    void record_withoutAnyRecordId_isRejected() {
        assertThatThrownBy(() -> errors.record(objectType(), null, null, "X", "m", T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String objectType() {
        return "contact" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
