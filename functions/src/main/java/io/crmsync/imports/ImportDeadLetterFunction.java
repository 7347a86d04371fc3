package io.crmsync.imports;

import java.time.Clock;

import org.jboss.logging.Logger;

import io.crmsync.store.ImportJobRepository;
import io.crmsync.store.ImportJobStateException;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * Consumes the import dead-letter queue: a chunk that failed on every delivery fails its job, with the reason the
 * failing attempts recorded, so the user sees FAILED and why instead of a job that never moves. The queue's alarm
 * still tells a person (it counts messages received from the dead-letter queue).
 */
public class ImportDeadLetterFunction {

    private static final Logger LOG = Logger.getLogger(ImportDeadLetterFunction.class);

    @Inject
    ImportJobRepository jobs;

    @Inject
    Clock clock;

    @Funq("importDeadLetter")
    public void importDeadLetter(ImportChunkMessage message) {
        message.validate();
        if (jobs.find(message.importId()).isEmpty()) {
            LOG.warnf("Dead-lettered chunk %s of unknown import %s dropped", message.chunkId(), message.importId());
            return;
        }
        String reason = jobs.lastAttemptFailure(message.importId())
                .orElse("Page " + message.page() + " failed on every delivery; no error was recorded.");
        try {
            jobs.fail(message.importId(), reason, clock.instant());
            LOG.warnf("Import %s FAILED: chunk %s dead-lettered (%s)", message.importId(), message.chunkId(), reason);
        } catch (ImportJobStateException e) {
            LOG.infof("Dead-lettered chunk %s of import %s ignored: the job is already %s", message.chunkId(),
                    message.importId(), e.current());
        }
    }
}
