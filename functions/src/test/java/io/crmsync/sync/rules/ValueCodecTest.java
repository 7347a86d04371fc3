package io.crmsync.sync.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The same value read from either CRM compares equal; otherwise every HubSpot edit would look like a change. */
class ValueCodecTest {

    @Test
    void numbers_fromHubSpotTextAndSalesforceDecimals_compareEqual() {
        assertThat(ValueCodec.normalize("1000", "currency")).isEqualTo(ValueCodec.normalize(new BigDecimal("1000.00"), "currency"));
        assertThat(ValueCodec.normalize("12.50", "double")).isEqualTo("12.5");
        assertThat(ValueCodec.normalize(42L, "int")).isEqualTo("42");
    }

    @Test
    void dates_fromHubSpotEpochMillisOrIsoText_andSalesforceDates_compareEqual() {
        assertThat(ValueCodec.normalize("1705276800000", "date")).isEqualTo("2024-01-15");
        assertThat(ValueCodec.normalize("2024-01-15", "date")).isEqualTo("2024-01-15");
        assertThat(ValueCodec.normalize("2024-01-15T10:00:00.000+0000", "datetime"))
                .isEqualTo(ValueCodec.normalize("2024-01-15T10:00:00Z", "datetime"));
    }

    @Test
    void blanks_areNull_andUnparseableValuesStayAsTheUserTypedThem() {
        assertThat(ValueCodec.normalize("", "string")).isNull();
        assertThat(ValueCodec.normalize("   ", "currency")).isNull();
        assertThat(ValueCodec.normalize("lots", "currency")).isEqualTo("lots");
    }

    @Test
    void toSalesforce_writesTheFieldsJsonType_andNullClears() {
        assertThat(ValueCodec.toSalesforce("7", "int")).isEqualTo(7L);
        assertThat(ValueCodec.toSalesforce("12.5", "currency")).isEqualTo(new BigDecimal("12.5"));
        assertThat(ValueCodec.toSalesforce("true", "boolean")).isEqualTo(Boolean.TRUE);
        assertThat(ValueCodec.toSalesforce("2024-01-15", "date")).isEqualTo(LocalDate.of(2024, 1, 15));
        assertThat(ValueCodec.toSalesforce("2024-01-15T10:00:00Z", "datetime")).isEqualTo(Instant.parse("2024-01-15T10:00:00Z"));
        assertThat(ValueCodec.toSalesforce(null, "string")).isNull();
        assertThat(ValueCodec.toHubSpot(null)).isEmpty();
    }
}
