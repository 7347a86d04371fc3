package io.crmsync.imports.definition;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One {@code {field, operator, value}} filter. The value stays JSON until it is checked against the field's describe
 * type: a string, number, boolean, an array for {@code in}/{@code not_in}, absent for the blank checks.
 */
@RegisterForReflection
public record ImportFilter(String field, String operator, JsonNode value) {
}
