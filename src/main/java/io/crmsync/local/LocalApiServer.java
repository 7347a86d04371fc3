package io.crmsync.local;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;

import io.crmsync.sandbox.common.SandboxServer;
import io.quarkus.amazon.lambda.runtime.AmazonLambdaMapperRecorder;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Serves the {@code api} function on a local port the way API Gateway's HTTP API does: each request becomes a
 * payload-2.0 event, the function's response becomes the HTTP response. IAM authorization is what local mode does
 * not reproduce: it listens on localhost only.
 */
final class LocalApiServer implements AutoCloseable {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final SandboxServer server;

    private LocalApiServer(SandboxServer server) {
        this.server = server;
    }

    static LocalApiServer start(int port, String export, FunctionDispatcher dispatcher) {
        return new LocalApiServer(SandboxServer.start("crm-sync HTTP API", port, "crmsync.local.api-port", vertx -> {
            Router router = Router.router(vertx);
            router.route().handler(BodyHandler.create());
            router.route().blockingHandler(ctx -> serve(ctx, export, dispatcher), false);
            return router;
        }));
    }

    String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public void close() {
        server.close();
    }

    private static void serve(RoutingContext ctx, String export, FunctionDispatcher dispatcher) {
        try {
            String event = AmazonLambdaMapperRecorder.objectMapper.writeValueAsString(event(ctx));
            var response = (APIGatewayV2HTTPResponse) dispatcher.invoke(export, event);
            var http = ctx.response().setStatusCode(response.getStatusCode());
            if (response.getHeaders() != null) {
                response.getHeaders().forEach(http::putHeader);
            }
            http.end(response.getBody() == null ? "" : response.getBody());
        } catch (JsonProcessingException | RuntimeException e) {
            ctx.response().setStatusCode(502).putHeader("Content-Type", "application/json")
                    .end("{\"message\":\"Internal Server Error\"}");
        }
    }

    /** The event API Gateway (HTTP API, payload format 2.0) would hand the function. */
    private static Map<String, Object> event(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach(h -> headers.merge(h.getKey().toLowerCase(Locale.ROOT), h.getValue(), (a, b) -> a + "," + b));
        Instant now = Instant.now();
        Map<String, Object> http = Map.of("method", request.method().name(), "path", request.path(),
                "protocol", request.version().alpnName().toUpperCase(Locale.ROOT), "sourceIp",
                request.remoteAddress() == null ? "127.0.0.1" : request.remoteAddress().hostAddress(),
                "userAgent", headers.getOrDefault("user-agent", ""));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        context.put("domainName", request.authority() == null ? "localhost" : request.authority().toString());
        context.put("http", http);
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", "ANY /{proxy+}");
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", "ANY /{proxy+}");
        event.put("rawPath", request.path());
        event.put("rawQueryString", request.query() == null ? "" : request.query());
        event.put("headers", headers);
        event.put("requestContext", context);
        String body = ctx.body() == null || ctx.body().buffer() == null ? null
                : ctx.body().buffer().toString(StandardCharsets.UTF_8);
        if (body != null && !body.isEmpty()) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return event;
    }
}
