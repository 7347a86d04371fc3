package io.crmsync.settings;

import java.util.Map;
import java.util.Optional;

import io.crmsync.salesforce.soql.Condition;

/**
 * The part of a Salesforce object an object pair syncs, when two pairs share one object: Salesforce logs a call as a
 * Task whose {@code TaskSubtype} is "Call", so HubSpot calls pair with those Tasks and HubSpot tasks with the others.
 * {@code TaskSubtype} is set when the Task is created and never changes, so a Task belongs to one pair for life.
 */
public record SalesforceSubset(String field, String value, boolean matching) {

    static final String TASK_SUBTYPE = "TaskSubtype";
    static final String CALL = "Call";

    /** The subset {@code object} syncs of {@code sobject}, if the pair syncs only part of it. */
    public static Optional<SalesforceSubset> of(String object, String sobject) {
        if (!"Task".equals(sobject)) {
            return Optional.empty();
        }
        return switch (object) {
            case "call" -> Optional.of(new SalesforceSubset(TASK_SUBTYPE, CALL, true));
            case "task" -> Optional.of(new SalesforceSubset(TASK_SUBTYPE, CALL, false));
            default -> Optional.empty();
        };
    }

    /** Whether a record with this value of {@link #field()} belongs to the pair (a blank subtype is a plain task). */
    public boolean includes(Object fieldValue) {
        boolean equal = fieldValue != null && value.equalsIgnoreCase(fieldValue.toString());
        return equal == matching;
    }

    /** The SOQL condition selecting the subset; {@code !=} keeps records with no value, as SOQL does. */
    public Condition condition() {
        return matching ? Condition.eq(field, value) : Condition.ne(field, value);
    }

    /** What a record created for the pair must carry to belong to it. */
    public Map<String, Object> creationFields() {
        return matching ? Map.of(field, value) : Map.of();
    }
}
