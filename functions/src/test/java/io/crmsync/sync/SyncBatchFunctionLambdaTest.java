package io.crmsync.sync;

import static io.crmsync.testing.LambdaEvents.deliverEach;
import static io.crmsync.testing.LambdaEvents.messageIds;
import static io.crmsync.testing.LambdaEvents.sqsBatch;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SyncBatchFunctionLambdaTest {

    @Test
    void sqsBatch_rejectsOversizedAndEmptyBatches_andAcceptsValidOnes() {
        // given
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < SyncBatchMessage.MAX_RECORDS + 1; i++) {
            tooMany.add("{\"hubspotId\":\"" + i + "\"}");
        }
        var event = sqsBatch("arn:aws:sqs:us-east-1:000000000000:crm-sync-sync-batches", List.of(
                "{\"batchId\":\"b-1\",\"object\":\"contact\",\"reason\":\"POLL\",\"records\":[{\"hubspotId\":\"1\"}]}",
                "{\"batchId\":\"b-2\",\"object\":\"contact\",\"reason\":\"POLL\",\"records\":[" + String.join(",", tooMany) + "]}",
                "{\"batchId\":\"b-3\",\"object\":\"contact\",\"reason\":\"POLL\",\"records\":[{}]}"));
        List<String> ids = messageIds(event);

        // when
        List<String> failed = deliverEach("syncBatch", event);

        // then
        assertThat(failed).containsExactlyInAnyOrder(ids.get(1), ids.get(2));
    }
}
