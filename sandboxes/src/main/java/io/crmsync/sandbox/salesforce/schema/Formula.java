package io.crmsync.sandbox.salesforce.schema;

import java.util.Map;

/**
 * A formula field's value, computed when the record is read (never stored), exactly like Salesforce: a formula
 * that changes because another record changed does not touch this record's LastModifiedDate or SystemModstamp.
 */
@FunctionalInterface
public interface Formula {

    Object compute(Map<String, Object> record, RecordLookup lookup);

    /** Reads another record, for cross-object formulas such as {@code Account.Name}. */
    @FunctionalInterface
    interface RecordLookup {
        /** The stored fields of the record, or {@code null} when there is none. */
        Map<String, Object> find(String sobject, String id);
    }
}
