package io.crmsync.sandbox.hubspot;

import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.crmsync.sandbox.common.FaultInjection;
import io.crmsync.sandbox.common.InFlight;
import io.crmsync.sandbox.common.CallTally;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The HTTP face of the sandbox. Every request passes the same gate as on the real API, in the same order: bearer
 * token, rate limits (burst window, daily, search per second), then any injected fault, then the endpoint.
 */
final class SandboxRouter {

    /** One endpoint: reads the request, answers, or throws {@link SandboxException}. */
    @FunctionalInterface
    interface Endpoint extends Function<RoutingContext, Answer> {
    }

    private final SandboxState state;
    private final SandboxRateLimits limits;
    private final FaultInjection<HubSpotError> faults;
    private final CallTally served;
    private final CallTally statuses;
    private final HubSpotSandbox.Auth auth;
    private final InFlight inFlight;

    SandboxRouter(SandboxState state, SandboxRateLimits limits, FaultInjection<HubSpotError> faults,
            CallTally served, CallTally statuses, HubSpotSandbox.Auth auth, InFlight inFlight) {
        this.inFlight = inFlight;
        this.state = state;
        this.limits = limits;
        this.faults = faults;
        this.served = served;
        this.statuses = statuses;
        this.auth = auth;
    }

    Router build(Vertx vertx) {
        ObjectRoutes objects = new ObjectRoutes(state);
        SearchRoutes search = new SearchRoutes(state);
        ListRoutes lists = new ListRoutes(state);
        AssociationRoutes associations = new AssociationRoutes(state);
        PropertyRoutes properties = new PropertyRoutes();

        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false).setBodyLimit(10 * 1024 * 1024));
        router.route().handler(this::delay);

        post(router, "/crm/v3/objects/:type/batch/create", "objects.batch.create", c -> objects.batchCreate(p(c, "type"), body(c)));
        post(router, "/crm/v3/objects/:type/batch/read", "objects.batch.read", c -> objects.batchRead(p(c, "type"), body(c)));
        post(router, "/crm/v3/objects/:type/batch/update", "objects.batch.update", c -> objects.batchUpdate(p(c, "type"), body(c)));
        post(router, "/crm/v3/objects/:type/batch/upsert", "objects.batch.upsert", c -> objects.batchUpsert(p(c, "type"), body(c)));
        post(router, "/crm/v3/objects/:type/batch/archive", "objects.batch.archive", c -> objects.batchArchive(p(c, "type"), body(c)));
        SingleObjectRoutes single = new SingleObjectRoutes(state);
        route(router.get("/crm/v3/objects/:type"), "objects.list",
                c -> single.page(p(c, "type"), q(c, "limit"), q(c, "after"), q(c, "properties")));
        route(router.get("/crm/v3/objects/:type/:id"), "objects.get",
                c -> single.get(p(c, "type"), p(c, "id"), q(c, "idProperty"), q(c, "properties")));
        post(router, "/crm/v3/objects/:type", "objects.create", c -> single.create(p(c, "type"), body(c)));
        route(router.patch("/crm/v3/objects/:type/:id"), "objects.update",
                c -> single.update(p(c, "type"), p(c, "id"), q(c, "idProperty"), body(c)));
        route(router.delete("/crm/v3/objects/:type/:id"), "objects.archive", c -> single.archive(p(c, "type"), p(c, "id")));
        post(router, "/crm/v3/objects/:type/search", "search", c -> search.search(p(c, "type"), c.body().asString()));
        route(router.get("/crm/v3/properties/:type"), "properties", c -> properties.list(p(c, "type")));
        post(router, "/crm/v3/properties/:type", "properties.create", c -> properties.create(p(c, "type"), body(c)));
        SchemaRoutes schemas = new SchemaRoutes();
        route(router.get("/crm/v3/schemas"), "schemas", c -> schemas.list());
        route(router.get("/crm/v3/schemas/:type"), "schemas", c -> schemas.get(p(c, "type")));
        OwnerRoutes owners = new OwnerRoutes(state);
        route(router.get("/crm/v3/owners"), "owners",
                c -> owners.list(q(c, "email"), q(c, "limit"), q(c, "after"), q(c, "archived")));
        route(router.get("/crm/v3/owners/"), "owners",
                c -> owners.list(q(c, "email"), q(c, "limit"), q(c, "after"), q(c, "archived")));
        post(router, "/crm/v3/lists", "lists.create", c -> lists.create(body(c)));
        post(router, "/crm/v3/lists/", "lists.create", c -> lists.create(body(c)));
        post(router, "/crm/v3/lists/search", "lists.search", c -> lists.search(body(c)));
        route(router.get("/crm/v3/lists/object-type-id/:typeId/name/:name"), "lists.get",
                c -> lists.getByName(p(c, "typeId"), p(c, "name")));
        route(router.get("/crm/v3/lists/records/:typeId/:recordId/memberships"), "lists.records.memberships",
                c -> lists.recordMemberships(p(c, "typeId"), p(c, "recordId")));
        route(router.get("/crm/v3/lists/:listId/memberships"), "lists.memberships",
                c -> lists.memberships(p(c, "listId"), c.queryParams().get("after"), c.queryParams().get("limit")));
        route(router.put("/crm/v3/lists/:listId/memberships/add"), "lists.memberships.add", c -> lists.add(p(c, "listId"), body(c)));
        route(router.put("/crm/v3/lists/:listId/memberships/remove"), "lists.memberships.remove",
                c -> lists.remove(p(c, "listId"), body(c)));
        route(router.put("/crm/v3/lists/:listId/memberships/add-and-remove"), "lists.memberships.add-and-remove",
                c -> lists.addAndRemove(p(c, "listId"), body(c)));
        route(router.get("/crm/v3/lists/:listId"), "lists.get",
                c -> lists.get(p(c, "listId"), "true".equals(c.queryParams().get("includeFilters"))));
        post(router, "/crm/v4/associations/:from/:to/batch/associate/default", "associations.batch.associate-default",
                c -> associations.associateDefault(p(c, "from"), p(c, "to"), body(c)));
        post(router, "/crm/v4/associations/:from/:to/batch/create", "associations.batch.create",
                c -> associations.create(p(c, "from"), p(c, "to"), body(c)));
        post(router, "/crm/v4/associations/:from/:to/batch/archive", "associations.batch.archive",
                c -> associations.archive(p(c, "from"), p(c, "to"), body(c)));
        post(router, "/crm/v4/associations/:from/:to/batch/read", "associations.batch.read",
                c -> associations.read(p(c, "from"), p(c, "to"), body(c)));
        io.crmsync.sandbox.common.InFlightRoutes.mount(router, inFlight);
        io.crmsync.sandbox.common.FaultRoutes.mount(router, faults,
                (status, code, message) -> HubSpotError.of(status, code, message),
                exhaust -> {
                    if (exhaust) {
                        limits.exhaustDaily();
                    } else {
                        limits.restoreDaily();
                    }
                });
        router.route().handler(c -> {
            served.record("unknown");
            error(c.response(), HubSpotError.of(404, "OBJECT_NOT_FOUND", "No route for " + c.request().method() + " "
                    + c.request().path() + " in the HubSpot sandbox"));
        });
        return router;
    }

    private void post(Router router, String path, String kind, Endpoint endpoint) {
        route(router.post(path), kind, endpoint);
    }

    private void route(io.vertx.ext.web.Route route, String kind, Endpoint endpoint) {
        route.blockingHandler(ctx -> serve(ctx, kind, endpoint), false);
    }

    private void delay(RoutingContext ctx) {
        inFlight.started();
        ctx.addEndHandler(done -> inFlight.ended());
        long millis = faults.latency().toMillis();
        if (millis > 0) {
            ctx.vertx().setTimer(millis, t -> ctx.next());
        } else {
            ctx.next();
        }
    }

    private void serve(RoutingContext ctx, String kind, Endpoint endpoint) {
        served.record(kind);
        HttpServerResponse response = ctx.response();
        if (!auth.accepts(ctx.request().getHeader("Authorization"))) {
            error(response, HubSpotError.of(401, "INVALID_AUTHENTICATION", ctx.request().getHeader("Authorization") == null
                    ? "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find"
                            + " more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview"
                    : "Authentication credentials are invalid."));
            return;
        }
        SandboxRateLimits.Admission admission = limits.admit(kind.equals("search"), state.now());
        admission.headers().forEach(response::putHeader);
        if (admission.rejection().isPresent()) {
            error(response, admission.rejection().get());
            return;
        }
        FaultInjection.Fault<HubSpotError> fault = faults.nextFault(ctx.request().path());
        if (fault != null) {
            error(response, fault.scripted() != null ? fault.scripted() : HubSpotError.serverError(502));
            return;
        }
        try {
            state.webhooks.callerToken(ctx.request().getHeader("Authorization"));
            Answer answer = endpoint.apply(ctx);
            if (faults.loseAnswer(ctx.request().path())) {
                error(response, HubSpotError.serverError(504));
                return;
            }
            JsonNode results = answer.body() == null ? null : answer.body().get("results");
            if (results instanceof ArrayNode array && !array.isEmpty() && faults.dropResult(ctx.request().path())) {
                array.remove(array.size() - 1);
            }
            response.setStatusCode(answer.status());
            statuses.record(String.valueOf(answer.status()));
            if (answer.body() == null) {
                response.end();
            } else {
                response.putHeader("Content-Type", "application/json;charset=utf-8").end(SandboxJson.write(answer.body()));
            }
        } catch (SandboxException e) {
            error(response, e.error());
        } catch (RuntimeException e) {
            error(response, HubSpotError.of(500, "INTERNAL_ERROR", "Sandbox failure: " + e));
        } finally {
            state.webhooks.callerToken(null);
        }
    }

    private void error(HttpServerResponse response, HubSpotError error) {
        statuses.record(String.valueOf(error.status()));
        var body = SandboxJson.NODES.objectNode();
        String correlationId = UUID.randomUUID().toString();
        body.put("status", "error");
        body.put("message", error.message());
        body.put("correlationId", correlationId);
        if (error.policyName() != null) {
            // the real 429 body: errorType + policyName, no category
            body.put("errorType", "RATE_LIMIT");
            body.put("policyName", error.policyName());
            body.put("requestId", UUID.randomUUID().toString());
        } else {
            body.put("category", error.category());
        }
        error.headers().forEach(response::putHeader);
        response.putHeader("X-HubSpot-Correlation-Id", correlationId);
        response.setStatusCode(error.status()).putHeader("Content-Type", "application/json;charset=utf-8")
                .end(SandboxJson.write(body));
    }

    private static String q(RoutingContext ctx, String name) {
        return ctx.queryParams().get(name);
    }

    private static String p(RoutingContext ctx, String name) {
        return ctx.pathParam(name);
    }

    private static com.fasterxml.jackson.databind.JsonNode body(RoutingContext ctx) {
        return SandboxJson.parse(ctx.body().asString());
    }
}
