package io.crmsync.local;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;

import io.crmsync.sandbox.common.SandboxServer;
import io.vertx.core.buffer.Buffer;
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

    private final SandboxServer server;

    private LocalApiServer(SandboxServer server) {
        this.server = server;
    }

    static LocalApiServer start(int port, String export, FunctionDispatcher dispatcher) {
        return new LocalApiServer(SandboxServer.start("crm-sync HTTP API", port, "crmsync.local.api-port", vertx -> {
            Router router = Router.router(vertx);
            // no file uploads: BodyHandler would otherwise create a file-uploads folder in the working directory
            router.route().handler(BodyHandler.create(false));
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
            if (response.getBody() == null) {
                http.end();
            } else if (response.getIsBase64Encoded()) {
                // as API Gateway does: a base64 body (static files, compressed answers) goes out as its bytes
                http.end(Buffer.buffer(Base64.getDecoder().decode(response.getBody())));
            } else {
                http.end(response.getBody());
            }
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
        // as API Gateway does: the scheme the client used (webhook signatures cover the full URL)
        headers.put("x-forwarded-proto", request.scheme() == null ? "http" : request.scheme());
        String body = ctx.body() == null || ctx.body().buffer() == null ? null
                : ctx.body().buffer().toString(StandardCharsets.UTF_8);
        return ApiGatewayEvents.httpEvent(new ApiGatewayEvents.HttpRequest(request.method().name(), request.path(),
                request.query(), headers, body, request.version().alpnName().toUpperCase(Locale.ROOT),
                request.remoteAddress() == null ? "127.0.0.1" : request.remoteAddress().hostAddress(),
                request.authority() == null ? "localhost" : request.authority().toString()));
    }
}
