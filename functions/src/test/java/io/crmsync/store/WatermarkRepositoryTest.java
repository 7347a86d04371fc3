package io.crmsync.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class WatermarkRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:05Z");

    @Inject
    WatermarkRepository watermarks;

    @Test
    void advance_movesForward_butALateRunCannotRewindIt() {
        // given
        String type = "contact" + UUID.randomUUID().toString().substring(0, 8);
        watermarks.advance(new Watermark(type, CrmSide.SALESFORCE, T0.plusMillis(500), "003B", T0));

        // when
        boolean rewound = watermarks.advance(new Watermark(type, CrmSide.SALESFORCE, T0, "003Z", T0));
        boolean sameTimeHigherId = watermarks.advance(new Watermark(type, CrmSide.SALESFORCE, T0.plusMillis(500), "003C", T0));

        // then
        assertThat(rewound).isFalse();
        assertThat(sameTimeHigherId).isTrue();
        assertThat(watermarks.find(type, CrmSide.SALESFORCE).orElseThrow().lastId()).isEqualTo("003C");
        assertThat(watermarks.find(type, CrmSide.HUBSPOT)).isEmpty();
    }

    @Test
    void numericIds_compareAsNumbers_soId10IsAfterId9() {
        // given
        String type = "contact" + UUID.randomUUID().toString().substring(0, 8);
        watermarks.advance(new Watermark(type, CrmSide.HUBSPOT, T0, "9", T0));

        // when
        boolean advanced = watermarks.advance(new Watermark(type, CrmSide.HUBSPOT, T0, "10", T0));

        // then
        assertThat(advanced).isTrue();
        assertThat(watermarks.find(type, CrmSide.HUBSPOT).orElseThrow().lastId()).isEqualTo("10");
    }

    @Test
    void reset_movesTheWatermarkBack_forAFullResync() {
        // given
        String type = "contact" + UUID.randomUUID().toString().substring(0, 8);
        watermarks.advance(new Watermark(type, CrmSide.HUBSPOT, T0, "500", T0));

        // when
        watermarks.reset(new Watermark(type, CrmSide.HUBSPOT, Instant.EPOCH, null, T0));

        // then
        assertThat(watermarks.find(type, CrmSide.HUBSPOT).orElseThrow().modifiedAt()).isEqualTo(Instant.EPOCH);
    }
}
