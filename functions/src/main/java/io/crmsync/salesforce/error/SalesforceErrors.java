package io.crmsync.salesforce.error;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns an error answer ({@code [{"message","errorCode","fields"}]}) into the exception for its failure mode. */
public final class SalesforceErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_IN_MESSAGE = 300;

    private SalesforceErrors() {
    }

    public static SalesforceException fromResponse(int status, String body) {
        String code = "UNKNOWN";
        String message = "";
        List<String> fields = new ArrayList<>();
        try {
            JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
            JsonNode first = node != null && node.isArray() && !node.isEmpty() ? node.get(0) : node;
            if (first != null && first.isObject() && first.hasNonNull("errorCode")) {
                code = first.get("errorCode").asText();
                message = first.path("message").asText("");
                first.path("fields").forEach(f -> fields.add(f.asText()));
            } else {
                message = abbreviate(body);
            }
        } catch (Exception e) {
            message = abbreviate(body);
        }
        return of(status, code, message, fields);
    }

    public static SalesforceException of(int status, String code, String message, List<String> fields) {
        if (status == 401 || code.equals("INVALID_SESSION_ID")) {
            return new SessionExpiredException(status, code, message, fields);
        }
        switch (code) {
            case "REQUEST_LIMIT_EXCEEDED":
                // The same code covers the daily allocation ("TotalRequests Limit exceeded") and too many
                // concurrent long-running requests ("ConcurrentPerOrgLongTxn ..."): only the second is transient.
                return message.contains("Concurrent")
                        ? new ConcurrentRequestLimitException(status, code, message, fields)
                        : new DailyApiLimitExceededException(status, code, message, fields);
            case "MALFORMED_QUERY":
                return new MalformedQueryException(status, code, message, fields);
            case "INVALID_FIELD", "INVALID_FIELD_FOR_INSERT_UPDATE":
                return new InvalidFieldException(status, code, message, fields);
            case "UNABLE_TO_LOCK_ROW":
                return new RowLockException(status, code, message, fields);
            case "FIELD_CUSTOM_VALIDATION_EXCEPTION":
                return new ValidationRuleException(status, code, message, fields);
            case "DUPLICATES_DETECTED", "DUPLICATE_VALUE":
                return new DuplicateRecordException(status, code, message, fields);
            case "INSUFFICIENT_ACCESS", "INSUFFICIENT_ACCESS_OR_READONLY", "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY",
                    "API_DISABLED_FOR_ORG", "FUNCTIONALITY_NOT_ENABLED":
                return new PermissionDeniedException(status, code, message, fields);
            default:
                break;
        }
        if (status >= 500) {
            return new ServerErrorException(status, code, message, fields);
        }
        if (status == 403) {
            return new PermissionDeniedException(status, code, message, fields);
        }
        return new SalesforceException(status, code, message, fields);
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= MAX_BODY_IN_MESSAGE ? body : body.substring(0, MAX_BODY_IN_MESSAGE) + "...";
    }
}
