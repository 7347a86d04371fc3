package io.crmsync.hubspot.model;

/** One upserted record and whether the upsert created it ({@code "new": true}) or updated an existing one. */
public record UpsertResult(CrmObject object, boolean created) {
}
