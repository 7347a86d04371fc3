package io.crmsync.store;

/**
 * An item would exceed DynamoDB's 400 KB limit. For pairings this means very long field values (long text areas);
 * mapping fewer long fields, or storing a hash of them, is the way out.
 */
public class ItemTooLargeException extends RuntimeException {

    public ItemTooLargeException(String what, Throwable cause) {
        super(what + " is larger than DynamoDB's 400 KB item limit", cause);
    }

    /** DynamoDB reports the limit as a ValidationException whose message is the only way to tell it apart. */
    static boolean isItemTooLarge(software.amazon.awssdk.services.dynamodb.model.DynamoDbException e) {
        String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        return message != null && message.contains("Item size") && message.contains("maximum allowed size");
    }
}
