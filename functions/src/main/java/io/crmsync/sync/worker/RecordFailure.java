package io.crmsync.sync.worker;

/** Why one record of a batch could not be written, in the category users see. */
public record RecordFailure(ErrorCategory category, String message) {
}
