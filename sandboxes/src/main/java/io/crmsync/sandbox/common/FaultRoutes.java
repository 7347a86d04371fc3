package io.crmsync.sandbox.common;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Fault injection over HTTP, so any client (local mode, black-box tests, a shell) can drive the faults the Java tests
 * use. Not a vendor path: {@code PUT /sandbox/faults} sets what the body names and leaves the rest,
 * {@code DELETE /sandbox/faults} clears everything. Body, every member optional:
 * <pre>
 * {"latencyMs":200, "serverErrorRate":0.1,
 *  "failNext":{"calls":3, "status":429, "code":"RATE_LIMIT", "message":"...", "path":"/batch/"},
 *  "loseNextAnswers":{"calls":1, "path":"/batch/create"},
 *  "dropLastResult":{"calls":1, "path":"/batch/update"},   (HubSpot: the batch answer leaves its last result out)
 *  "exhaustBudget":true}          (false gives the day's budget back)
 * </pre>
 * Bad input answers 400 with what is wrong.
 */
public final class FaultRoutes {

    /** Builds the sandbox's own error for {@code failNext}. */
    @FunctionalInterface
    public interface ErrorFactory<E> {
        E error(int status, String code, String message);
    }

    public static final String PATH = "/sandbox/faults";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FaultRoutes() {
    }

    /** @param budget spends the sandbox's daily API budget (true) or gives it back (false) */
    public static <E> void mount(Router router, FaultInjection<E> faults, ErrorFactory<E> errors,
            java.util.function.Consumer<Boolean> budget) {
        router.put(PATH).handler(ctx -> set(ctx, faults, errors, budget));
        router.delete(PATH).handler(ctx -> {
            faults.clear();
            ctx.response().setStatusCode(204).end();
        });
    }

    private static <E> void set(RoutingContext ctx, FaultInjection<E> faults, ErrorFactory<E> errors,
            java.util.function.Consumer<Boolean> budget) {
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body().asString() == null ? "{}" : ctx.body().asString());
            if (body == null || !body.isObject()) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            if (body.has("latencyMs")) {
                faults.latency(Duration.ofMillis(nonNegative(body, "latencyMs")));
            }
            if (body.has("serverErrorRate")) {
                faults.serverErrorRate(body.get("serverErrorRate").asDouble(-1));
            }
            JsonNode failNext = body.get("failNext");
            if (failNext != null) {
                int status = (int) nonNegative(failNext, "status");
                if (status < 400 || status > 599) {
                    throw new IllegalArgumentException("failNext.status must be an HTTP error status (400-599)");
                }
                faults.failNext((int) nonNegative(failNext, "calls"), errors.error(status,
                        failNext.path("code").asText("INJECTED_FAULT"),
                        failNext.path("message").asText("Injected by the sandbox's fault injection")),
                        failNext.path("path").asText(null));
            }
            JsonNode lose = body.get("loseNextAnswers");
            if (lose != null) {
                faults.loseNextAnswers((int) nonNegative(lose, "calls"), lose.path("path").asText(""));
            }
            JsonNode drop = body.get("dropLastResult");
            if (drop != null) {
                faults.dropLastResultOfNext((int) nonNegative(drop, "calls"), drop.path("path").asText(""));
            }
            JsonNode exhaust = body.get("exhaustBudget");
            if (exhaust != null) {
                if (!exhaust.isBoolean()) {
                    throw new IllegalArgumentException("exhaustBudget must be true (spend the day's API budget) or"
                            + " false (give it back)");
                }
                budget.accept(exhaust.asBoolean());
            }
        } catch (IllegalArgumentException | java.io.IOException e) {
            ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                    .end(JSON.createObjectNode().put("error", "Bad fault injection request: " + e.getMessage()
                            + ". See the README's 'The sandboxes' section for the body.").toString());
            return;
        }
        ctx.response().setStatusCode(204).end();
    }

    private static long nonNegative(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToLong() || v.asLong() < 0) {
            throw new IllegalArgumentException(field + " must be a non-negative whole number");
        }
        return v.asLong();
    }
}
