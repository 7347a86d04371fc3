package io.crmsync.api;

/**
 * A request the API refuses, with the HTTP status and the error body to answer. Thrown by routes and by request
 * parsing; the router turns it into the response, so nothing after the throw point runs or is written.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    public ApiException(int status, String code, String message, String field) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static ApiException badRequest(String code, String message, String field) {
        return new ApiException(400, code, message, field);
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(404, code, message, null);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message, null);
    }

    public int status() {
        return status;
    }

    public ApiError toError() {
        return ApiError.of(code, getMessage(), field);
    }
}
