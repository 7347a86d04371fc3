package io.crmsync.imports;

import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * The import-chunk worker. Lambda's SQS event source hands Funqy a batch; Funqy calls this once per message and
 * reports the messages that threw as batch item failures, so only those are redelivered.
 */
public class ImportChunkFunction {

    @Inject
    ImportChunkService chunks;

    @Funq("importChunk")
    public void importChunk(ImportChunkMessage message) {
        chunks.process(message.validate());
    }
}
