package io.crmsync.resync;

import java.util.List;

import io.crmsync.store.FieldChange;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What {@code POST /resync} did (or, with {@code dryRun}, would do) to one record: each field change with its
 * direction, or why the record did not sync ({@code outcome} other than SYNCED / NOTHING_TO_CHANGE).
 */
@RegisterForReflection
public record RecordResyncResult(String object, String hubspotId, String salesforceId, String salesforceObject,
        boolean dryRun, Outcome outcome, String message, List<FieldChange> changes) {

    public enum Outcome {
        /** Fields were written (or would be, in a dry run). */
        SYNCED,
        /** Both sides already agree with the rules: nothing to write. */
        NOTHING_TO_CHANGE,
        /** The record has no partner yet; the poller pairs new records (matching or creating the other side). */
        NOT_PAIRED,
        /** The HubSpot record is not a member of the object's inclusion segment. */
        OUTSIDE_INCLUSION_SEGMENT,
        /** The paired record no longer exists on one side. */
        PARTNER_MISSING,
        /** A CRM refused the write; the error is in Sync Health. */
        FAILED
    }
}
