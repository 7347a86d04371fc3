package io.crmsync.api;

/**
 * The one error shape every route answers with: {@code {"error":{"code","message","field"}}}.
 * {@code field} names the offending input (a JSON path such as {@code filters[0].operator}) or is null.
 */
public record ApiError(Body error) {

    public record Body(String code, String message, String field) {
    }

    public static ApiError of(String code, String message, String field) {
        return new ApiError(new Body(code, message, field));
    }
}
