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

    CrashingFanOut(SqsClient sqs, CrmSyncConfig config, ObjectMapper mapper) {
        super(sqs, config, mapper);
    }

    /** The next {@code times} sends of {@code reason} batches (POLL, RETRY, ...) crash instead of queuing. */
    public static void crashBeforeSending(String reason, int times) {
        crashReason = reason;
        CRASHES.set(times);
    }

    public static void disarm() {
        CRASHES.set(0);
    }

    @Override
    public int send(String object, String reason, String batchIdPrefix, List<SyncBatchMessage.RecordRef> refs,
            String membershipSnapshotId) {
        if (reason.equals(crashReason) && CRASHES.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("Injected crash before queuing " + reason + " batches of " + object);
        }
        return super.send(object, reason, batchIdPrefix, refs, membershipSnapshotId);
    }
}
