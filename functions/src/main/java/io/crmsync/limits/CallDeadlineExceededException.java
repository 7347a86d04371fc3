package io.crmsync.limits;

/** A CRM call's retries were stopped because the function is about to reach its timeout; SQS redelivers the work. */
public class CallDeadlineExceededException extends RuntimeException {

    public CallDeadlineExceededException(String call) {
        super(call + " gave up retrying: the function's time is nearly up (crmsync.limits.function-timeout); the message"
                + " will be delivered again");
    }
}
