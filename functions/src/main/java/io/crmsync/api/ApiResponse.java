package io.crmsync.api;

/** What a route answers: a status and a body that is serialized to JSON (null for no body). */
public record ApiResponse(int status, Object body) {

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body);
    }

    public static ApiResponse accepted(Object body) {
        return new ApiResponse(202, body);
    }
}
