package io.crmsync.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.crmsync.settings.ObjectPair;
import io.crmsync.settings.ObjectPairs;
import io.crmsync.store.CrmSide;
import io.crmsync.store.Watermark;
import io.crmsync.store.WatermarkRepository;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where the poll stands for each read of each object (one per Salesforce sObject, one for HubSpot): current, never
 * polled, catching up with a mass update (how much read, since when), or stalled (a catch-up whose checkpoint has not
 * moved for {@code crmsync.sync.poll.stalled-after}). Reads the watermarks only: no CRM call.
 */
@ApplicationScoped
public class PollStatusService {

    private final WatermarkRepository watermarks;
    private final PollService polls;
    private final ObjectPairs pairs;
    private final SyncConfig config;
    private final Clock clock;

    PollStatusService(WatermarkRepository watermarks, PollService polls, ObjectPairs pairs, SyncConfig config,
            Clock clock) {
        this.watermarks = watermarks;
        this.polls = polls;
        this.pairs = pairs;
        this.config = config;
        this.clock = clock;
    }

    /** One read's state; {@code warning} says what a stalled read means and what to look at. */
    @RegisterForReflection
    public record ReadStatus(String object, String read, String side, String state, Instant position,
            Instant lastPolledAt, Long readSoFar, Instant catchingUpSince, Instant lastProgressAt, String warning) {
    }

    @RegisterForReflection
    public record PollStatus(List<ReadStatus> reads) {
    }

    public PollStatus status() {
        List<ReadStatus> reads = new ArrayList<>();
        Instant now = clock.instant();
        for (String object : polls.polledObjects()) {
            Optional<ObjectPair> pair = pairs.find(object);
            if (pair.isEmpty()) {
                continue;
            }
            for (String sobject : pair.get().salesforceObjects()) {
                reads.add(status(object, object + "." + sobject, CrmSide.SALESFORCE, now));
            }
            reads.add(status(object, object, CrmSide.HUBSPOT, now));
        }
        return new PollStatus(reads);
    }

    private ReadStatus status(String object, String key, CrmSide side, Instant now) {
        Optional<Watermark> mark = watermarks.find(key, side);
        if (mark.isEmpty()) {
            return new ReadStatus(object, key, side.name(), "NEVER_POLLED", null, null, null, null, null, null);
        }
        Watermark w = mark.get();
        if (w.catchingUp().isEmpty()) {
            return new ReadStatus(object, key, side.name(), "CURRENT", w.modifiedAt(), w.updatedAt(), null, null, null,
                    null);
        }
        Watermark.CatchUp c = w.catchingUp().get();
        Duration still = Duration.between(c.progressAt(), now);
        boolean stalled = still.compareTo(config.poll().stalledAfter()) > 0;
        String warning = stalled ? "No progress for " + still.toMinutes() + " minutes: the poll of " + key
                + " has read " + c.readSoFar() + " changes since " + c.since() + " and is not moving. Check the poll"
                + " function's answers and errors (a failing object, a spent daily API budget)." : null;
        return new ReadStatus(object, key, side.name(), stalled ? "STALLED" : "CATCHING_UP", w.modifiedAt(),
                w.updatedAt(), c.readSoFar(), c.since(), c.progressAt(), warning);
    }
}
