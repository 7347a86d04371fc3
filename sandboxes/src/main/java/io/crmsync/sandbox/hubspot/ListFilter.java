package io.crmsync.sandbox.hubspot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The subset of the Lists API {@code filterBranch} the sandbox evaluates: a root {@code OR} branch of {@code AND}
 * branches holding {@code PROPERTY} filters, e.g.
 * {@code {"filterBranchType":"OR","filterBranches":[{"filterBranchType":"AND","filters":[{"filterType":"PROPERTY",
 * "property":"lifecyclestage","operation":{"operationType":"MULTISTRING","operator":"IS_EQUAL_TO","values":["customer"]}}]}]}}.
 * Anything else is refused with a 400 naming what is unsupported, rather than silently matching nothing.
 */
final class ListFilter {

    private record Condition(String property, String operator, List<String> values) {
    }

    private final List<List<Condition>> orOfAnds;

    private ListFilter(List<List<Condition>> orOfAnds) {
        this.orOfAnds = orOfAnds;
    }

    static ListFilter parse(JsonNode branch) {
        if (branch == null || !"OR".equals(branch.path("filterBranchType").asText())) {
            throw SandboxException.validation("filterBranch must be a root branch with filterBranchType OR");
        }
        List<List<Condition>> groups = new ArrayList<>();
        for (JsonNode and : branch.path("filterBranches")) {
            if (!"AND".equals(and.path("filterBranchType").asText())) {
                throw SandboxException.validation("the sandbox supports only AND branches under the root OR branch");
            }
            if (and.path("filterBranches").size() > 0) {
                throw SandboxException.validation("the sandbox does not support nested branches under an AND branch");
            }
            List<Condition> conditions = new ArrayList<>();
            for (JsonNode f : and.path("filters")) {
                conditions.add(condition(f));
            }
            groups.add(conditions);
        }
        return new ListFilter(groups);
    }

    private static Condition condition(JsonNode f) {
        if (!"PROPERTY".equals(f.path("filterType").asText())) {
            throw SandboxException.validation("unsupported filterType '" + f.path("filterType").asText()
                    + "': the sandbox evaluates PROPERTY filters only");
        }
        String property = f.path("property").asText("");
        JsonNode op = f.path("operation");
        String operator = op.path("operator").asText("");
        List<String> values = new ArrayList<>();
        op.path("values").forEach(v -> values.add(v.asText()));
        if (op.hasNonNull("value")) {
            values.add(op.get("value").asText());
        }
        if (property.isEmpty() || operator.isEmpty()) {
            throw SandboxException.validation("a PROPERTY filter needs property and operation.operator");
        }
        switch (operator) {
            case "IS_KNOWN", "IS_UNKNOWN" -> { }
            case "IS_EQUAL_TO", "IS_NOT_EQUAL_TO", "CONTAINS", "DOES_NOT_CONTAIN", "STARTS_WITH", "ENDS_WITH",
                    "IS_ANY_OF", "IS_NONE_OF" -> {
                if (values.isEmpty()) {
                    throw SandboxException.validation("operator " + operator + " on " + property + " needs values");
                }
            }
            default -> throw SandboxException.validation("unsupported list filter operator " + operator);
        }
        return new Condition(property, operator, values);
    }

    boolean matches(StoredObject record) {
        if (record.archived()) {
            return false;
        }
        for (List<Condition> and : orOfAnds) {
            if (and.stream().allMatch(c -> matches(c, record.get(c.property())))) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Condition c, String raw) {
        String value = raw == null ? null : raw.toLowerCase(Locale.ROOT);
        List<String> wanted = c.values().stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
        return switch (c.operator()) {
            case "IS_KNOWN" -> value != null;
            case "IS_UNKNOWN" -> value == null;
            case "IS_EQUAL_TO", "IS_ANY_OF" -> value != null && wanted.contains(value);
            case "IS_NOT_EQUAL_TO", "IS_NONE_OF" -> value == null || !wanted.contains(value);
            case "CONTAINS" -> value != null && wanted.stream().anyMatch(value::contains);
            case "DOES_NOT_CONTAIN" -> value == null || wanted.stream().noneMatch(value::contains);
            case "STARTS_WITH" -> value != null && wanted.stream().anyMatch(value::startsWith);
            case "ENDS_WITH" -> value != null && wanted.stream().anyMatch(value::endsWith);
            default -> false;
        };
    }
}
