package io.crmsync.sandbox.salesforce;

/**
 * An error the sandbox can be scripted to answer with (through {@code faults().failNext(n, fault)}), shaped as the
 * real API answers it: HTTP status plus a {@code [{"message","errorCode","fields"}]} body.
 */
public record SalesforceFault(int status, String errorCode, String message) {

    public static SalesforceFault rowLock() {
        return new SalesforceFault(400, "UNABLE_TO_LOCK_ROW",
                "unable to obtain exclusive access to this record or 1 records");
    }

    public static SalesforceFault validationRule(String message) {
        return new SalesforceFault(400, "FIELD_CUSTOM_VALIDATION_EXCEPTION", message);
    }

    public static SalesforceFault duplicates() {
        return new SalesforceFault(400, "DUPLICATES_DETECTED",
                "You're creating a duplicate record. We recommend you use an existing record instead.");
    }

    public static SalesforceFault sessionExpired() {
        return new SalesforceFault(401, "INVALID_SESSION_ID", "Session expired or invalid");
    }

    public static SalesforceFault concurrentRequestLimit() {
        return new SalesforceFault(403, "REQUEST_LIMIT_EXCEEDED",
                "ConcurrentPerOrgLongTxn Limit exceeded.");
    }

    public static SalesforceFault permission() {
        return new SalesforceFault(403, "INSUFFICIENT_ACCESS_OR_READONLY",
                "insufficient access rights on object id");
    }

    public static SalesforceFault serverUnavailable() {
        return new SalesforceFault(503, "SERVER_UNAVAILABLE", "Server is temporarily unavailable.");
    }
}
