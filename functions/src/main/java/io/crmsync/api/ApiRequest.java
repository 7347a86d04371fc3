package io.crmsync.api;

import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request as the routes see it, independent of API Gateway: method, path, the path parameters the route
 * matched, query parameters (and the raw query string, which webhook signatures cover), headers (names in lower case, as API Gateway's payload 2.0 gives them) and the raw body.
 */
public record ApiRequest(String method, String path, Map<String, String> pathParams, Map<String, String> query,
        Map<String, String> headers, String body, RequestBodyReader bodyReader, String rawQuery) {

    public ApiRequest(String method, String path, Map<String, String> pathParams, Map<String, String> query,
            Map<String, String> headers, String body, RequestBodyReader bodyReader) {
        this(method, path, pathParams, query, headers, body, bodyReader, "");
    }

    public ApiRequest {
        headers = headers == null ? Map.of() : headers;
        rawQuery = rawQuery == null ? "" : rawQuery;
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    public String queryParam(String name) {
        return query.get(name);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Parses the body into {@code type}; a missing or malformed body is a 400 that says what is wrong. */
    public <T> T bodyAs(Class<T> type) {
        return bodyReader.read(body, type);
    }

    public ApiRequest withPathParams(Map<String, String> params) {
        return new ApiRequest(method, path, Map.copyOf(params), query, headers, body, bodyReader, rawQuery);
    }
}
