package io.crmsync.local.dynamodb;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error answer in DynamoDB's JSON protocol: HTTP 400 (500 for an internal error) with a body naming the error
 * type as {@code com.amazonaws.dynamodb.v20120810#Type}, which the AWS SDK turns into its typed exception
 * ({@code ConditionalCheckFailedException}, {@code TransactionCanceledException}, ...). Extra fields ride along in the
 * body, as DynamoDB sends them: the old {@code Item} of a failed condition, a transaction's
 * {@code CancellationReasons}.
 */
final class DynamoException extends RuntimeException {

    private final String type;
    private final int status;
    private final ObjectNode extra;

    private DynamoException(String type, int status, String message, ObjectNode extra) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
        this.extra = extra;
    }

    static DynamoException validation(String message) {
        return new DynamoException("ValidationException", 400, message, null);
    }

    static DynamoException resourceNotFound(String message) {
        return new DynamoException("ResourceNotFoundException", 400, message, null);
    }

    static DynamoException resourceInUse(String message) {
        return new DynamoException("ResourceInUseException", 400, message, null);
    }

    static DynamoException unknownOperation(String target) {
        return new DynamoException("UnknownOperationException", 400,
                "crm-sync's DynamoDB emulator does not implement " + target, null);
    }

    static DynamoException serialization(String message) {
        return new DynamoException("SerializationException", 400, message, null);
    }

    /** A failed ConditionExpression; {@code oldItem} is sent when ReturnValuesOnConditionCheckFailure is ALL_OLD. */
    static DynamoException conditionFailed(ObjectNode oldItem) {
        ObjectNode extra = null;
        if (oldItem != null) {
            extra = JsonNodeFactory.instance.objectNode();
            extra.set("Item", oldItem);
        }
        return new DynamoException("ConditionalCheckFailedException", 400, "The conditional request failed", extra);
    }

    static DynamoException transactionCanceled(String codes, ObjectNode extra) {
        return new DynamoException("TransactionCanceledException", 400,
                "Transaction cancelled, please refer cancellation reasons for specific reasons [" + codes + "]",
                extra);
    }

    static DynamoException internal(String message) {
        return new DynamoException("InternalServerError", 500, message, null);
    }

    int status() {
        return status;
    }

    /** The answer's body. */
    ObjectNode body() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("__type", "com.amazonaws.dynamodb.v20120810#" + type);
        // DynamoDB spells the field "Message" for transaction cancellations and "message" elsewhere; the SDK reads both
        body.put(type.equals("TransactionCanceledException") ? "Message" : "message", getMessage());
        if (extra != null) {
            body.setAll(extra);
        }
        return body;
    }
}
