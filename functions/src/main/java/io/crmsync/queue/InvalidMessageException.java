package io.crmsync.queue;

/**
 * A queue message or scheduled event that can never be processed as sent (a missing id, a negative page).
 * Thrown before any work starts, so nothing is half-written; SQS redelivers it until the redrive policy moves it to
 * the dead-letter queue, where it waits, intact, for a person.
 */
public class InvalidMessageException extends RuntimeException {

    public InvalidMessageException(String message) {
        super(message);
    }

    public static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidMessageException(message);
        }
    }
}
