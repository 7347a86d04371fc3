package io.crmsync.imports;

import static io.crmsync.testing.LambdaEvents.deliverEach;
import static io.crmsync.testing.LambdaEvents.messageIds;
import static io.crmsync.testing.LambdaEvents.sqsBatch;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ImportChunkFunctionLambdaTest {

    @Test
    void sqsBatch_reportsOnlyTheInvalidMessagesAsBatchItemFailures() {
        // given a batch with one valid chunk, one without an import id and one that is not JSON
        var event = sqsBatch("arn:aws:sqs:us-east-1:000000000000:crm-sync-import-chunks", List.of(
                "{\"importId\":\"imp-1\",\"page\":1,\"afterId\":null}",
                "{\"page\":2,\"afterId\":\"00Q000000000001AAA\"}",
                "not json"));
        List<String> ids = messageIds(event);

        // when Lambda's SQS event source invokes the importChunk function
        List<String> failed = deliverEach("importChunk", event);

        // then only the two bad messages go back to the queue (and on to the DLQ after the redrive limit)
        assertThat(failed).containsExactlyInAnyOrder(ids.get(1), ids.get(2));
    }
}
