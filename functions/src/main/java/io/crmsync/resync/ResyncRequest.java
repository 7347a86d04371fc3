package io.crmsync.resync;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code POST /resync}: one record by either side's id; {@code dryRun} answers without writing. */
@RegisterForReflection
public record ResyncRequest(String object, String hubspotId, String salesforceId, Boolean dryRun) {
}
