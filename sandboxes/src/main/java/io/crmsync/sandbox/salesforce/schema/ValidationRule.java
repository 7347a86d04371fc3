package io.crmsync.sandbox.salesforce.schema;

import java.util.Map;
import java.util.function.Predicate;

/**
 * An org validation rule: when {@code violated} holds for the record about to be saved, the save fails with
 * FIELD_CUSTOM_VALIDATION_EXCEPTION and {@code message}.
 */
public record ValidationRule(String name, String field, String message, Predicate<Map<String, Object>> violated) {
}
