package io.crmsync.salesforce.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.crmsync.salesforce.model.Describe;
import io.crmsync.salesforce.model.FieldDescribe;

class SoqlTest {

    private static final Describe LEAD = new Describe("Lead", "00Q", false, List.of(
            field("Id", "id"), field("LastName", "string"), field("NumberOfEmployees", "int"),
            field("IsConverted", "boolean"), field("CreatedDate", "datetime"), field("ConvertedDate", "date")));

    @Test
    void render_usesDescribeSpelling_typedLiterals_andParenthesisedLogic() {
        // when
        String soql = Soql.select("id", "lastname").from("lead").where(Condition.and(
                Condition.eq("LastName", "O'Brien"), Condition.or(Condition.ge("numberofemployees", 50),
                        Condition.eq("IsConverted", true)), Condition.gt("CreatedDate", Instant.parse("2026-01-02T03:04:05Z")),
                Condition.lt("ConvertedDate", LocalDate.of(2026, 2, 1)))).orderBy("Id").limit(10).render(LEAD);
        // then
        assertThat(soql).isEqualTo("SELECT Id, LastName FROM Lead WHERE (LastName = 'O\\'Brien') AND "
                + "((NumberOfEmployees >= 50) OR (IsConverted = TRUE)) AND (CreatedDate > 2026-01-02T03:04:05.000Z) "
                + "AND (ConvertedDate < 2026-02-01) ORDER BY Id ASC LIMIT 10");
    }

    @Test
    void escaper_followsSalesforceRules() {
        assertThat(SoqlEscaper.quote("a'b\\c\nd\"e")).isEqualTo("'a\\'b\\\\c\\nd\\\"e'");
        assertThat(SoqlEscaper.quote("100%_")).isEqualTo("'100%_'");
        assertThat(LikePattern.contains("100%_").toString()).isEqualTo("'%100\\%\\_%'");
        assertThat(SoqlEscaper.quote("\u0000")).isEqualTo("'\\u0000'");
    }

    @Test
    void render_refusesUnknownFieldsAndMismatchedTypes() {
        assertThatThrownBy(() -> Soql.select("Nope").from("Lead").render(LEAD))
                .isInstanceOf(SoqlValidationException.class).hasMessageContaining("Nope");
        assertThatThrownBy(() -> Soql.select("Id").from("Lead").where(Condition.eq("NumberOfEmployees", "5"))
                .render(LEAD)).isInstanceOf(SoqlValidationException.class);
        assertThatThrownBy(() -> Soql.select("Id").from("Lead").where(Condition.like("NumberOfEmployees",
                LikePattern.contains("5"))).render(LEAD)).isInstanceOf(SoqlValidationException.class);
        assertThatThrownBy(() -> Condition.eq("LastName", new Object())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Condition.eq("NumberOfEmployees", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numbers_renderWithoutExponent() {
        String soql = Soql.count().from("Lead").where(Condition.eq("NumberOfEmployees", new BigDecimal("1E+3")))
                .render(LEAD);
        assertThat(soql).endsWith("NumberOfEmployees = 1000");
    }

    private static FieldDescribe field(String name, String type) {
        return new FieldDescribe(name, name, type, 0, false, null, true, true, true, false, List.of());
    }
}
