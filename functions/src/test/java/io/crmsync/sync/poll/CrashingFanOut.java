package io.crmsync.sync.poll;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.config.CrmSyncConfig;
import io.crmsync.sync.SyncBatchMessage;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Alternative;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Fault injection for the fault suite: the poll function dies (a Lambda timeout, an out-of-memory) just before it
 * queues its next batches of one reason. Idle unless a test arms it; otherwise the real {@link FanOut}.
 */
@Alternative
@Priority(1)
@Singleton
public class CrashingFanOut extends FanOut {

    private static final AtomicInteger CRASHES = new AtomicInteger();
    private static volatile String crashReason = "";
    private static volatile boolean afterFirstMessage;

    CrashingFanOut(SqsClient sqs, CrmSyncConfig config, ObjectMapper mapper) {
        super(sqs, config, mapper);
    }

    /** The next {@code times} sends of {@code reason} batches (POLL, RETRY, ...) crash instead of queuing. */
    public static void crashBeforeSending(String reason, int times) {
        crashReason = reason;
        afterFirstMessage = false;
        CRASHES.set(times);
    }

    /**
     * The next send of {@code reason} messages queues its first message and then crashes (mid fan-out, or for a
     * single message: after it was queued and before the caller could record that).
     */
    public static void crashAfterFirstMessage(String reason) {
        crashReason = reason;
        afterFirstMessage = true;
        CRASHES.set(1);
    }

    public static void disarm() {
        CRASHES.set(0);
    }

    @Override
    public int send(String object, String reason, String batchIdPrefix, List<SyncBatchMessage.RecordRef> refs,
            String membershipSnapshotId) {
        if (armedFor(reason)) {
            if (afterFirstMessage) {
                super.send(object, reason, batchIdPrefix, refs.subList(0, Math.min(refs.size(),
                        SyncBatchMessage.MAX_RECORDS)), membershipSnapshotId);
                throw new IllegalStateException("Injected crash after queuing the first " + reason + " batch of "
                        + object);
            }
            throw new IllegalStateException("Injected crash before queuing " + reason + " batches of " + object);
        }
        return super.send(object, reason, batchIdPrefix, refs, membershipSnapshotId);
    }

    @Override
    public void send(SyncBatchMessage message) {
        if (armedFor(message.reason())) {
            if (afterFirstMessage) {
                super.send(message);
                throw new IllegalStateException("Injected crash after queuing " + message.batchId());
            }
            throw new IllegalStateException("Injected crash before queuing " + message.batchId());
        }
        super.send(message);
    }

    private static boolean armedFor(String reason) {
        return reason.equals(crashReason) && CRASHES.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }
}
