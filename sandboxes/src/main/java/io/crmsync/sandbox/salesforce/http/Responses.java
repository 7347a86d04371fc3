package io.crmsync.sandbox.salesforce.http;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.ext.web.RoutingContext;

/** Writes JSON answers and Salesforce's error arrays. */
public final class Responses {

    public static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {
    }

    public static void json(RoutingContext ctx, int status, JsonNode body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json;charset=UTF-8")
                .end(body.toString());
    }

    public static void noContent(RoutingContext ctx) {
        ctx.response().setStatusCode(204).end();
    }

    /** {@code [{"message":..., "errorCode":..., "fields":[...]}]}, the shape of every top-level REST error. */
    public static void error(RoutingContext ctx, int status, String errorCode, String message, List<String> fields) {
        ArrayNode body = JSON.createArrayNode();
        ObjectNode error = body.addObject();
        error.put("message", message);
        error.put("errorCode", errorCode);
        if (fields != null && !fields.isEmpty()) {
            fields.forEach(error.putArray("fields")::add);
        }
        json(ctx, status, body);
    }

    public static void error(RoutingContext ctx, int status, String errorCode, String message) {
        error(ctx, status, errorCode, message, List.of());
    }

    public static void notFound(RoutingContext ctx) {
        error(ctx, 404, "NOT_FOUND", "The requested resource does not exist");
    }

    /** OAuth endpoint errors have their own shape. */
    public static void oauthError(RoutingContext ctx, int status, String error, String description) {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", error);
        body.put("error_description", description);
        json(ctx, status, body);
    }
}
