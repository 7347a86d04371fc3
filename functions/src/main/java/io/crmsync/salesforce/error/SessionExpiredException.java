package io.crmsync.salesforce.error;

import java.util.List;

/** INVALID_SESSION_ID: the access token expired or was revoked; the client logs in again and retries once. */
public class SessionExpiredException extends SalesforceException {

    public SessionExpiredException(int status, String errorCode, String message, List<String> fields) {
        super(status, errorCode, message, fields);
    }
}
