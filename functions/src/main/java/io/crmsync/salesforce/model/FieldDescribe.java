package io.crmsync.salesforce.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One field of a describe: {@code calculated} marks formula fields, which are never written. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record FieldDescribe(String name, String label, String type, int length, boolean calculated,
        String calculatedFormula, boolean createable, boolean updateable, boolean nillable, boolean externalId,
        List<String> referenceTo) {

    public FieldDescribe {
        referenceTo = referenceTo == null ? List.of() : List.copyOf(referenceTo);
    }
}
