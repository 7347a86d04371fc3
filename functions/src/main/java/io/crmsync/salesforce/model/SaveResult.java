package io.crmsync.salesforce.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The outcome of one record in a Collections call, in request order. {@code created} is set by upserts only.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record SaveResult(String id, boolean success, Boolean created, List<SaveError> errors) {

    public SaveResult {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** One reason a record failed: Salesforce's {@code statusCode} (e.g. REQUIRED_FIELD_MISSING) and fields. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SaveError(String statusCode, String message, List<String> fields) {
        public SaveError {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }

        /** Salesforce's code and words, plus the fields it blames when its message does not already name them. */
        public String describe() {
            String text = message == null ? "" : message;
            List<String> unnamed = fields.stream().filter(f -> !text.contains(f)).toList();
            return statusCode + ": " + text + (unnamed.isEmpty() ? "" : " (fields: " + String.join(", ", unnamed) + ")");
        }
    }
}
