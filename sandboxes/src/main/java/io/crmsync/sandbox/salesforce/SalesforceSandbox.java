package io.crmsync.sandbox.salesforce;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

import io.crmsync.sandbox.common.FaultInjection;
import io.crmsync.sandbox.common.InFlight;
import io.crmsync.sandbox.common.SandboxServer;
import io.crmsync.sandbox.salesforce.http.ApiBudget;
import io.crmsync.sandbox.salesforce.http.CollectionsRetrieve;
import io.crmsync.sandbox.salesforce.http.CollectionsRoutes;
import io.crmsync.sandbox.salesforce.http.OAuthEndpoint;
import io.crmsync.sandbox.salesforce.http.QueryCursors;
import io.crmsync.sandbox.salesforce.http.QueryRoutes;
import io.crmsync.sandbox.salesforce.http.ReplicationRoutes;
import io.crmsync.sandbox.salesforce.http.Responses;
import io.crmsync.sandbox.salesforce.http.SObjectRoutes;
import io.crmsync.sandbox.salesforce.http.Sessions;
import io.crmsync.sandbox.salesforce.events.ChangeDataCapture;
import io.crmsync.sandbox.salesforce.http.SoapRoutes;
import io.crmsync.sandbox.salesforce.schema.ObjectDef;
import io.crmsync.sandbox.salesforce.schema.SandboxSchema;
import io.crmsync.sandbox.salesforce.store.SandboxStore;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A stateful, in-process stand-in for a Salesforce org's REST API: OAuth token endpoint, query/queryMore,
 * describe, sObject REST and Collections, getUpdated/getDeleted and /limits, with a daily API budget reported in
 * {@code Sforce-Limit-Info} and fault injection for failure tests. Paths, JSON and status codes follow the real API
 * so clients written against Salesforce work against it unchanged.
 */
public final class SalesforceSandbox implements AutoCloseable {

    public static final int DEFAULT_PORT = 8091;
    public static final String PORT_SETTING = "crmsync.sandbox.salesforce.port";
    private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+");

    private final SandboxStore store = new SandboxStore(SandboxSchema.standard());
    private final Sessions sessions = new Sessions();
    private final ApiBudget budget = new ApiBudget();
    private final QueryCursors cursors = new QueryCursors();
    /** The kind of call {@link FaultInjection#latency(String, Duration)} names for query and queryMore pages. */
    public static final String QUERY_LATENCY = "query";

    private final FaultInjection<SalesforceFault> faults = new FaultInjection<>();
    private final InFlight inFlight = new InFlight();
    private final ChangeDataCapture changeEvents = new ChangeDataCapture();
    private volatile OAuthEndpoint.Credentials credentials;
    private volatile SandboxServer server;

    /**
     * @param jwtPublicKey verifies JWT-bearer assertions; {@code null} turns the JWT flow off
     */
    public SalesforceSandbox(String clientId, String clientSecret, String username, PublicKey jwtPublicKey) {
        this.credentials = new OAuthEndpoint.Credentials(clientId, clientSecret, username, jwtPublicKey);
        store.changeListener(changeEvents);
    }

    /** Starts serving on {@code port} (0 picks a free one). */
    public SalesforceSandbox start(int port) {
        if (server != null) {
            throw new IllegalStateException("The Salesforce sandbox is already running on " + baseUrl());
        }
        server = SandboxServer.start("Salesforce sandbox", port, PORT_SETTING, this::router);
        return this;
    }

    public String baseUrl() {
        if (server == null) {
            throw new IllegalStateException("The Salesforce sandbox is not started");
        }
        return server.baseUrl();
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
            server = null;
        }
        changeEvents.close();
    }

    // ---- test controls -------------------------------------------------------------------------------------

    /**
     * Faults and latency. {@code faults().latency(SalesforceSandbox.QUERY_LATENCY, d)} sets the latency of query and
     * queryMore pages apart from other calls (a real 2,000-row page takes about a second).
     */
    public FaultInjection<SalesforceFault> faults() {
        return faults;
    }

    /** Data calls being served right now, and the most served at once (latency included). */
    public InFlight inFlight() {
        return inFlight;
    }

    /** Change Data Capture: which objects are selected, where events are relayed, gap/overflow/loss injection. */
    public ChangeDataCapture changeEvents() {
        return changeEvents;
    }

    public void setDailyLimit(long limit) {
        budget.setDailyLimit(limit);
    }

    /** API calls left in the daily allocation. */
    public long remaining() {
        return budget.remaining();
    }

    public long apiCallsUsed() {
        return budget.used();
    }

    /** Spends the whole daily allocation: the next data call answers 403 REQUEST_LIMIT_EXCEEDED. */
    public void exhaustBudget() {
        budget.exhaust();
    }

    /** A fresh day: no calls used, the default daily limit (records, tokens and faults stay). */
    public void resetBudget() {
        budget.reset();
        budget.setDailyLimit(io.crmsync.sandbox.salesforce.http.ApiBudget.DEFAULT_DAILY_LIMIT);
    }

    /** Accept any non-empty bearer token (for local mode with hand-made tokens). */
    public void acceptAnyToken(boolean accept) {
        sessions.acceptAnyToken(accept);
    }

    /** Invalidates every issued access token, as a session timeout would. */
    public void expireSessions() {
        sessions.expireAll();
    }

    public void sessionTimeout(Duration timeout) {
        sessions.timeout(timeout);
    }

    /** The clock for CreatedDate/LastModifiedDate/SystemModstamp and replication windows. */
    public void clock(Clock clock) {
        store.clock(clock);
    }

    /** Clears all records, deletions, cursors, faults and budget usage (issued tokens stay valid). */
    public void reset() {
        store.clearAll();
        cursors.clear();
        faults.clear();
        budget.reset();
        changeEvents.reset();
        store.clock(Clock.systemUTC());
    }

    /** Clears one sObject's records and delete log. */
    public void clear(String sobject) {
        store.clear(object(sobject));
    }

    /** Inserts one record straight into state (no API budget, no validation beyond unique external Ids). */
    public String insert(String sobject, Map<String, Object> fields) {
        return store.seed(object(sobject), fields);
    }

    /** Inserts {@code count} records built by {@code fields} (given the 0-based index), returning their Ids. */
    public List<String> seed(String sobject, int count, IntFunction<Map<String, Object>> fields) {
        ObjectDef def = object(sobject);
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(store.seed(def, fields.apply(i)));
        }
        return ids;
    }

    /** A record's stored fields plus formula values, or {@code null}. */
    public Map<String, Object> record(String sobject, String id) {
        ObjectDef def = object(sobject);
        Map<String, Object> stored = store.get(def, id);
        return stored == null ? null : store.withFormulas(def, stored);
    }

    public int count(String sobject) {
        return store.table(object(sobject)).size();
    }

    public SandboxStore store() {
        return store;
    }

    private ObjectDef object(String sobject) {
        return store.schema().object(sobject)
                .orElseThrow(() -> new IllegalArgumentException("The sandbox has no sObject " + sobject));
    }

    // ---- HTTP ----------------------------------------------------------------------------------------------

    private Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        // No multipart uploads: without this Vert.x creates a file-uploads directory in the working directory.
        router.route().handler(BodyHandler.create(false).setBodyLimit(50L * 1024 * 1024));
        OAuthEndpoint oauth = new OAuthEndpoint(() -> credentials, sessions, this::baseUrl);
        router.post("/services/oauth2/token").handler(oauth::handle);
        router.get("/services/data").handler(this::versions);
        router.post("/services/Soap/u/:version").handler(new SoapRoutes(store, sessions, budget)::handle);
        router.route("/services/data/:version/*").handler(this::gate);

        String data = "/services/data/:version";
        QueryRoutes query = new QueryRoutes(store, cursors);
        SObjectRoutes sobjects = new SObjectRoutes(store, budget, changeEvents);
        CollectionsRoutes collections = new CollectionsRoutes(store);
        CollectionsRetrieve retrieve = new CollectionsRetrieve(store);
        ReplicationRoutes replication = new ReplicationRoutes(store, sobjects);
        router.get(data + "/limits").handler(sobjects::limits);
        router.get(data + "/query").handler(query::query);
        router.get(data + "/query/:locator").handler(query::queryMore);
        router.get(data + "/sobjects").handler(sobjects::describeGlobal);
        router.get(data + "/sobjects/:type/describe").handler(sobjects::describe);
        router.get(data + "/sobjects/:type/updated").handler(replication::updated);
        router.get(data + "/sobjects/:type/deleted").handler(replication::deleted);
        router.post(data + "/sobjects/:type").handler(sobjects::create);
        router.get(data + "/sobjects/:type/:id").handler(sobjects::read);
        router.patch(data + "/sobjects/:type/:id").handler(sobjects::update);
        router.delete(data + "/sobjects/:type/:id").handler(sobjects::delete);
        router.patch(data + "/sobjects/:type/:field/:value").handler(sobjects::upsertByExternalId);
        router.post(data + "/composite/sobjects").handler(collections::create);
        router.patch(data + "/composite/sobjects").handler(collections::update);
        router.delete(data + "/composite/sobjects").handler(collections::delete);
        router.patch(data + "/composite/sobjects/:type/:field").handler(collections::upsert);
        router.route(HttpMethod.GET, data + "/composite/sobjects/:type").handler(retrieve::retrieve);
        router.route(HttpMethod.POST, data + "/composite/sobjects/:type").handler(retrieve::retrieve);
        io.crmsync.sandbox.common.InFlightRoutes.mount(router, inFlight);
        io.crmsync.sandbox.common.FaultRoutes.mount(router, faults, SalesforceFault::new,
                exhaust -> {
                    if (exhaust) {
                        exhaustBudget();
                    } else {
                        resetBudget();
                    }
                });
        router.route().last().handler(Responses::notFound);
        router.route().failureHandler(ctx -> Responses.error(ctx, 500, "UNKNOWN_EXCEPTION",
                "An unexpected error occurred. Please include this ErrorId if you contact support: sandbox-"
                        + System.identityHashCode(ctx.failure())));
        return router;
    }

    private void versions(RoutingContext ctx) {
        var list = Responses.JSON.createArrayNode();
        var v = list.addObject();
        v.put("label", "Winter '25");
        v.put("url", "/services/data/v62.0");
        v.put("version", "62.0");
        Responses.json(ctx, 200, list);
    }

    /** Every data call: version check, session check, budget, then any injected latency or fault. */
    private void gate(RoutingContext ctx) {
        if (!VERSION.matcher(ctx.pathParam("version")).matches()) {
            Responses.notFound(ctx);
            return;
        }
        ctx.addHeadersEndHandler(v -> ctx.response().putHeader("Sforce-Limit-Info", budget.limitInfoHeader()));
        String auth = ctx.request().getHeader("Authorization");
        String token = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null;
        if (!sessions.valid(token)) {
            Responses.error(ctx, 401, "INVALID_SESSION_ID", "Session expired or invalid");
            return;
        }
        if (!budget.trySpend()) {
            Responses.error(ctx, 403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
            return;
        }
        inFlight.started();
        ctx.addEndHandler(done -> inFlight.ended());
        Duration latency = faults.latency(ctx.request().path().contains("/query") ? QUERY_LATENCY : "call");
        if (latency.isZero() || latency.isNegative()) {
            afterLatency(ctx);
        } else {
            ctx.vertx().setTimer(latency.toMillis(), id -> afterLatency(ctx));
        }
    }

    private void afterLatency(RoutingContext ctx) {
        FaultInjection.Fault<SalesforceFault> fault = faults.nextFault(ctx.request().path());
        if (fault == null) {
            if (faults.loseAnswer(ctx.request().path())) {
                // The request is served (its writes commit); only the answer is replaced, as by a gateway timeout.
                ctx.addHeadersEndHandler(v -> ctx.response().setStatusCode(504));
            }
            // one API request is one transaction: its writes become change events when it ends
            changeEvents.begin(ctx.pathParam("version"), ctx.request().getHeader("Sforce-Call-Options"),
                    SandboxStore.INTEGRATION_USER_ID);
            try {
                ctx.next();
            } finally {
                changeEvents.commit();
            }
        } else if (fault.serverError()) {
            Responses.error(ctx, 503, "SERVER_UNAVAILABLE", "Server is temporarily unavailable.");
        } else {
            SalesforceFault f = fault.scripted();
            Responses.error(ctx, f.status(), f.errorCode(), f.message());
        }
    }
}
