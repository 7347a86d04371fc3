package io.crmsync.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the template's table and queues in the DynamoDB emulator and ElasticMQ (tests and the local mode). Idempotent:
 * what already exists is kept, so a persistent local store survives restarts.
 */
public final class LocalProvisioner {

    private LocalProvisioner() {
    }

    public static void createTable(DynamoDbClient dynamo, TableDefinition table, String tableName) {
        List<GlobalSecondaryIndex> indexes = table.globalSecondaryIndexes().stream()
                .map(i -> GlobalSecondaryIndex.builder().indexName(i.name()).keySchema(keySchema(i.key()))
                        .projection(Projection.builder().projectionType(ProjectionType.fromValue(i.projection())).build())
                        .build())
                .toList();
        List<AttributeDefinition> attributes = table.attributeTypes().entrySet().stream()
                .map(e -> AttributeDefinition.builder().attributeName(e.getKey()).attributeType(e.getValue()).build())
                .toList();
        try {
            dynamo.createTable(b -> b.tableName(tableName).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(attributes).keySchema(keySchema(table.primaryKey()))
                    .globalSecondaryIndexes(indexes.isEmpty() ? null : indexes));
        } catch (ResourceInUseException alreadyThere) {
            return;
        }
        if (table.ttlAttribute() != null) {
            dynamo.updateTimeToLive(b -> b.tableName(tableName)
                    .timeToLiveSpecification(t -> t.attributeName(table.ttlAttribute()).enabled(true)));
        }
    }

    /** Creates dead-letter queues first so redrive policies can name them; answers queue URLs by logical id. */
    public static Map<String, String> createQueues(SqsClient sqs, List<QueueDefinition> queues) {
        List<QueueDefinition> ordered = new ArrayList<>(queues);
        ordered.sort((a, b) -> Boolean.compare(a.deadLetterQueue() != null, b.deadLetterQueue() != null));
        Map<String, String> urls = new LinkedHashMap<>();
        Map<String, String> arns = new LinkedHashMap<>();
        for (QueueDefinition q : ordered) {
            Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
            attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(q.visibilityTimeoutSeconds()));
            attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, String.valueOf(q.messageRetentionSeconds()));
            if (q.deadLetterQueue() != null) {
                String dlqArn = arns.get(q.deadLetterQueue());
                if (dlqArn == null) {
                    throw new IllegalStateException(q.logicalId() + " redrives to " + q.deadLetterQueue()
                            + ", which is not a queue in template.yaml");
                }
                attributes.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn
                        + "\",\"maxReceiveCount\":\"" + q.maxReceiveCount() + "\"}");
            }
            String url = sqs.createQueue(b -> b.queueName(q.name()).attributes(attributes)).queueUrl();
            urls.put(q.logicalId(), url);
            arns.put(q.logicalId(), sqs.getQueueAttributes(b -> b.queueUrl(url)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN));
        }
        return urls;
    }

    private static List<KeySchemaElement> keySchema(TableDefinition.Key key) {
        List<KeySchemaElement> elements = new ArrayList<>();
        elements.add(KeySchemaElement.builder().attributeName(key.partitionKey()).keyType(KeyType.HASH).build());
        if (key.sortKey() != null) {
            elements.add(KeySchemaElement.builder().attributeName(key.sortKey()).keyType(KeyType.RANGE).build());
        }
        return elements;
    }
}
