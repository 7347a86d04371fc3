package io.crmsync.sandbox.salesforce.store;

import java.util.List;

/** Why a record could not be saved, as Salesforce reports it ({@code statusCode} in Collections results). */
public record WriteError(String statusCode, String message, List<String> fields) {

    public WriteError {
        fields = List.copyOf(fields);
    }

    public WriteException toException() {
        return new WriteException(this);
    }

    /** Carries a {@link WriteError} out of validation code. */
    public static final class WriteException extends RuntimeException {
        private final WriteError error;

        public WriteException(WriteError error) {
            super(error.statusCode() + ": " + error.message(), null, false, false);
            this.error = error;
        }

        public WriteError error() {
            return error;
        }
    }
}
