package io.crmsync.sync;

import java.time.Instant;
import java.util.List;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/** Finds changes on both sides and fans them out to the sync queue. The polling logic arrives with the sync issue. */
@ApplicationScoped
public class PollService {

    private static final Logger LOG = Logger.getLogger(PollService.class);

    public PollSummary poll(Instant firedAt) {
        LOG.infof("Poll fired at %s", firedAt);
        return new PollSummary(firedAt, List.of());
    }
}
