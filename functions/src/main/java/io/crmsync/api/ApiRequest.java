package io.crmsync.api;

import java.util.Map;

/**
 * An HTTP request as the routes see it, independent of API Gateway: method, path, the path parameters the route
 * matched, query parameters and the raw body.
 */
public record ApiRequest(String method, String path, Map<String, String> pathParams, Map<String, String> query,
        String body, RequestBodyReader bodyReader) {

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    public String queryParam(String name) {
        return query.get(name);
    }

    /** Parses the body into {@code type}; a missing or malformed body is a 400 that says what is wrong. */
    public <T> T bodyAs(Class<T> type) {
        return bodyReader.read(body, type);
    }

    public ApiRequest withPathParams(Map<String, String> params) {
        return new ApiRequest(method, path, Map.copyOf(params), query, body, bodyReader);
    }
}
