package io.crmsync.imports;

import java.time.Instant;

import io.crmsync.limits.CallDeadline;
import io.crmsync.limits.LimitsConfig;
import io.crmsync.usage.UsageRecorder;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * The import-chunk worker. Lambda's SQS event source hands Funqy a batch; Funqy calls this once per message and
 * reports the messages that threw as batch item failures, so only those are redelivered.
 */
public class ImportChunkFunction {

    @Inject
    ImportChunkService chunks;

    @Inject
    UsageRecorder usage;

    @Inject
    LimitsConfig limits;

    @Funq("importChunk")
    public void importChunk(ImportChunkMessage message) {
        Instant deadline = Instant.now().plus(limits.functionTimeout()).minus(limits.deadlineMargin());
        try {
            CallDeadline.until(deadline, () -> chunks.process(message.validate()));
        } finally {
            // The calls this page spent go to the persisted usage before Lambda may freeze or drop the instance.
            usage.flush();
        }
    }
}
