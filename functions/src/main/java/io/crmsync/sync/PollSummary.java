package io.crmsync.sync;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What one poll did, per object: returned to Lambda so the invocation log tells the story. */
@RegisterForReflection
public record PollSummary(Instant firedAt, List<ObjectResult> objects) {

    @RegisterForReflection
    public record ObjectResult(String object, String outcome, int changesFound, int batchesQueued) {
    }
}
