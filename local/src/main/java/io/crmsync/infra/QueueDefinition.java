package io.crmsync.infra;

import static io.crmsync.infra.TemplateDefinitions.list;
import static io.crmsync.infra.TemplateDefinitions.map;

import java.util.Map;

/**
 * An SQS queue as template.yaml declares it. {@code deadLetterQueue} is the logical id of the queue its redrive
 * policy moves failed messages to (null for a dead-letter queue itself).
 */
public record QueueDefinition(String logicalId, String name, int visibilityTimeoutSeconds,
        int messageRetentionSeconds, String deadLetterQueue, int maxReceiveCount) {

    /** SQS's default when the template sets none. */
    private static final int DEFAULT_VISIBILITY_TIMEOUT = 30;
    private static final int DEFAULT_RETENTION = 345_600;

    static QueueDefinition from(String logicalId, Map<String, Object> p, String stackName) {
        String deadLetter = null;
        int maxReceive = 0;
        if (p.get("RedrivePolicy") != null) {
            Map<String, Object> redrive = map(p.get("RedrivePolicy"), logicalId + ".RedrivePolicy");
            Map<String, Object> target = map(redrive.get("deadLetterTargetArn"), logicalId + ".deadLetterTargetArn");
            deadLetter = (String) list(target.get("Fn::GetAtt"), "deadLetterTargetArn").get(0);
            maxReceive = Integer.parseInt(String.valueOf(redrive.get("maxReceiveCount")));
        }
        return new QueueDefinition(logicalId, resolveName(p.get("QueueName"), logicalId, stackName),
                intOr(p.get("VisibilityTimeout"), DEFAULT_VISIBILITY_TIMEOUT),
                intOr(p.get("MessageRetentionPeriod"), DEFAULT_RETENTION), deadLetter, maxReceive);
    }

    private static String resolveName(Object queueName, String logicalId, String stackName) {
        if (queueName instanceof String literal) {
            return literal;
        }
        if (queueName instanceof Map<?, ?> fn && fn.get("Fn::Sub") instanceof String sub) {
            String resolved = sub.replace("${AWS::StackName}", stackName);
            if (resolved.contains("${")) {
                throw new IllegalStateException(logicalId + ".QueueName uses a substitution other than "
                        + "${AWS::StackName}, which local runs cannot resolve: " + sub);
            }
            return resolved;
        }
        throw new IllegalStateException(logicalId + " needs a QueueName (a string or !Sub ${AWS::StackName}-...)");
    }

    private static int intOr(Object value, int fallback) {
        return value == null ? fallback : Integer.parseInt(String.valueOf(value));
    }
}
