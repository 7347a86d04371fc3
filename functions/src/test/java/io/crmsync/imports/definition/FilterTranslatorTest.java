package io.crmsync.imports.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.salesforce.model.Describe;
import io.crmsync.salesforce.model.FieldDescribe;
import io.crmsync.salesforce.soql.Condition;
import io.crmsync.salesforce.soql.Soql;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class FilterTranslatorTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Describe CONTACT = new Describe("Contact", "003", false, List.of(
            field("Id", "id"), field("LastName", "string"), field("Email", "email"),
            field("NumberOfEmployees", "int"), field("Birthdate", "date"), field("CreatedDate", "datetime"),
            field("DoNotCall", "boolean"), field("Interests__c", "multipicklist")));

    @Test
    void eachOperator_rendersTheSoqlItStandsFor() {
        assertThat(render(filter("LastName", "eq", "\"Ng\""))).endsWith("WHERE LastName = 'Ng'");
        assertThat(render(filter("LastName", "neq", "\"Ng\""))).endsWith("WHERE LastName != 'Ng'");
        assertThat(render(filter("NumberOfEmployees", "gte", "10"))).endsWith("WHERE NumberOfEmployees >= 10");
        assertThat(render(filter("Birthdate", "lt", "\"2000-01-31\""))).endsWith("WHERE Birthdate < 2000-01-31");
        assertThat(render(filter("CreatedDate", "gt", "\"2026-01-01T00:00:00Z\"")))
                .endsWith("WHERE CreatedDate > 2026-01-01T00:00:00.000Z");
        assertThat(render(filter("Email", "contains", "\"50%_off\""))).endsWith("WHERE Email LIKE '%50\\%\\_off%'");
        assertThat(render(filter("LastName", "starts_with", "\"Mc\""))).endsWith("WHERE LastName LIKE 'Mc%'");
        assertThat(render(filter("LastName", "in", "[\"A\",\"B\"]"))).endsWith("WHERE LastName IN ('A', 'B')");
        assertThat(render(filter("LastName", "not_in", "[\"A\"]"))).endsWith("WHERE LastName NOT IN ('A')");
        assertThat(render(filter("Email", "is_blank", null))).endsWith("WHERE Email = null");
        assertThat(render(filter("Email", "is_not_blank", null))).endsWith("WHERE Email != null");
        assertThat(render(filter("DoNotCall", "eq", "true"))).endsWith("WHERE DoNotCall = TRUE");
    }

    @Test
    void operatorsThatDoNotFitTheFieldType_areRefusedNamingTheOperator() {
        assertRefused(filter("Email", "gt", "\"a\""), "OPERATOR_NOT_VALID_FOR_TYPE", "filters[0].operator");
        assertRefused(filter("NumberOfEmployees", "contains", "\"1\""), "OPERATOR_NOT_VALID_FOR_TYPE",
                "filters[0].operator");
        assertRefused(filter("DoNotCall", "lt", "true"), "OPERATOR_NOT_VALID_FOR_TYPE", "filters[0].operator");
        assertRefused(filter("Interests__c", "eq", "\"x\""), "OPERATOR_NOT_VALID_FOR_TYPE", "filters[0].operator");
    }

    @Test
    void valuesOfTheWrongType_areRefusedNamingTheValue() {
        assertRefused(filter("NumberOfEmployees", "eq", "\"ten\""), "INVALID_VALUE", "filters[0].value");
        assertRefused(filter("Birthdate", "eq", "\"31/01/2000\""), "INVALID_VALUE", "filters[0].value");
        assertRefused(filter("LastName", "in", "[]"), "INVALID_VALUE", "filters[0].value");
        assertRefused(filter("LastName", "in", "[\"A\", 3]"), "INVALID_VALUE", "filters[0].value[1]");
        assertRefused(filter("Email", "is_blank", "\"x\""), "UNEXPECTED_VALUE", "filters[0].value");
        assertRefused(filter("LastName", "eq", null), "MISSING_VALUE", "filters[0].value");
        assertRefused(filter("Shoe__c", "eq", "\"x\""), "UNKNOWN_FIELD", "filters[0].field");
    }

    @Property(tries = 300)
    void anyTextValue_staysInsideOneQuotedLiteral(@ForAll String value) {
        String soql = render(new ImportFilter("LastName", "eq", JSON.getNodeFactory().textNode(value)));
        String literal = soql.substring(soql.indexOf("LastName = ") + "LastName = ".length());
        // one literal: opens and closes with a quote, and every quote inside is escaped
        assertThat(literal).startsWith("'").endsWith("'");
        String inside = literal.substring(1, literal.length() - 1).replace("\\\\", "");
        assertThat(inside.replace("\\'", "")).doesNotContain("'");
    }

    private static String render(ImportFilter filter) {
        Condition where = FilterTranslator.toCondition(List.of(filter), CONTACT);
        return Soql.select("Id").from("Contact").where(where).render(CONTACT);
    }

    private static void assertRefused(ImportFilter filter, String code, String field) {
        assertThatThrownBy(() -> FilterTranslator.toCondition(List.of(filter), CONTACT))
                .isInstanceOfSatisfying(InvalidImportException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.field()).isEqualTo(field);
                });
    }

    private static ImportFilter filter(String field, String operator, String valueJson) {
        try {
            JsonNode value = valueJson == null ? null : JSON.readTree(valueJson);
            return new ImportFilter(field, operator, value);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static FieldDescribe field(String name, String type) {
        return new FieldDescribe(name, name, type, 255, false, null, true, true, true, false, List.of());
    }
}
