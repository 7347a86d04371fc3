package io.crmsync.api;

import java.util.Map;

/**
 * What a route answers: a status, a body and any headers of its own. A body is serialized to JSON (null for no
 * body), except a {@code byte[]}, which is sent as it is under the Content-Type the headers give (static files).
 */
public record ApiResponse(int status, Object body, Map<String, String> headers) {

    public ApiResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public ApiResponse(int status, Object body) {
        this(status, body, Map.of());
    }

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body);
    }

    public static ApiResponse accepted(Object body) {
        return new ApiResponse(202, body);
    }

    /** Bytes sent as they are; {@code headers} must hold their Content-Type. */
    public static ApiResponse bytes(int status, byte[] body, Map<String, String> headers) {
        if (!headers.containsKey("Content-Type")) {
            throw new IllegalArgumentException("A byte body needs a Content-Type header");
        }
        return new ApiResponse(status, body, headers);
    }

    public boolean isBytes() {
        return body instanceof byte[];
    }
}
