package io.crmsync.local;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The events API Gateway's HTTP API (payload format 2.0) hands the {@code api} function. */
final class ApiGatewayEvents {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** One HTTP request as API Gateway describes it. */
    record HttpRequest(String method, String rawPath, String rawQuery, Map<String, String> headers, String body,
            String protocol, String sourceIp, String domainName) {

        static HttpRequest internal(String method, String path, String body) {
            return new HttpRequest(method, path, "", Map.of("content-type", "application/json"), body, "HTTP/1.1",
                    "127.0.0.1", "localhost");
        }
    }

    private ApiGatewayEvents() {
    }

    static Map<String, Object> httpEvent(HttpRequest request) {
        Instant now = Instant.now();
        Map<String, Object> http = Map.of("method", request.method(), "path", request.rawPath(),
                "protocol", request.protocol(), "sourceIp", request.sourceIp(),
                "userAgent", request.headers().getOrDefault("user-agent", ""));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        context.put("domainName", request.domainName());
        context.put("http", http);
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", "ANY /{proxy+}");
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", "ANY /{proxy+}");
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());
        event.put("headers", request.headers());
        event.put("requestContext", context);
        if (request.body() != null && !request.body().isEmpty()) {
            event.put("body", request.body());
        }
        event.put("isBase64Encoded", false);
        return event;
    }
}
