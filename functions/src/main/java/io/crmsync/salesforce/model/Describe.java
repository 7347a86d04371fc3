package io.crmsync.salesforce.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An sObject's describe. Field lookups ignore case, as SOQL does. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record Describe(String name, String keyPrefix, boolean custom, List<FieldDescribe> fields) {

    public Describe {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public Optional<FieldDescribe> field(String anyCase) {
        return Optional.ofNullable(index().get(anyCase.toLowerCase(Locale.ROOT)));
    }

    public List<FieldDescribe> formulaFields() {
        return fields.stream().filter(FieldDescribe::calculated).toList();
    }

    private Map<String, FieldDescribe> index() {
        return fields.stream().collect(Collectors.toMap(f -> f.name().toLowerCase(Locale.ROOT), Function.identity(),
                (a, b) -> a));
    }
}
