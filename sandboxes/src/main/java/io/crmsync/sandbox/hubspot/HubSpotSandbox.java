package io.crmsync.sandbox.hubspot;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;

import io.crmsync.sandbox.common.FaultInjection;
import io.crmsync.sandbox.common.InFlight;
import io.crmsync.sandbox.common.SandboxServer;
import io.crmsync.sandbox.common.CallTally;

/**
 * A stateful, in-process stand-in for the HubSpot CRM v3 API (objects, batch, search, properties, Lists v3,
 * associations v4) with HubSpot's limits, error bodies and rate-limit headers. Point a HubSpot client at
 * {@link #baseUrl()} with any bearer token (or the one set with {@link #requireToken(String)}).
 *
 * <pre>{@code
 * try (HubSpotSandbox hubspot = HubSpotSandbox.start(0)) {
 *     hubspot.seed("contacts", 10_000, i -> Map.of("email", "c" + i + "@example.com"));
 *     hubspot.rateLimits().window(Duration.ofSeconds(1), 20);
 *     ...
 * }
 * }</pre>
 */
public final class HubSpotSandbox implements AutoCloseable {

    public static final int DEFAULT_PORT = 8092;
    public static final String PORT_SETTING = "crmsync.sandbox.hubspot.port";

    private final SandboxState state = new SandboxState();
    private final SandboxRateLimits rateLimits = new SandboxRateLimits();
    private final FaultInjection<HubSpotError> faults = new FaultInjection<>();
    private final CallTally served = new CallTally("hubspot-sandbox");
    private final CallTally statuses = new CallTally("hubspot-sandbox-statuses");
    private final Auth auth = new Auth();
    private final InFlight inFlight = new InFlight();
    private SandboxServer server;

    private HubSpotSandbox() {
    }

    /** Starts serving on {@code port}; 0 picks a free port. */
    public static HubSpotSandbox start(int port) {
        HubSpotSandbox sandbox = new HubSpotSandbox();
        SandboxRouter router = new SandboxRouter(sandbox.state, sandbox.rateLimits, sandbox.faults, sandbox.served,
                sandbox.statuses, sandbox.auth, sandbox.inFlight);
        sandbox.server = SandboxServer.start("HubSpot sandbox", port, PORT_SETTING, router::build);
        return sandbox;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public int port() {
        return server.port();
    }

    public FaultInjection<HubSpotError> faults() {
        return faults;
    }

    /** The app's webhook subscription: signed event batches to a URL, with retries. */
    public Webhooks webhooks() {
        return state.webhooks;
    }

    /** Burst window, daily and search limits; defaults are a Professional portal's 190/10 s, 650,000/day, 5/s. */
    public SandboxRateLimits rateLimits() {
        return rateLimits;
    }

    /** Every request served, by kind ({@code objects.batch.upsert}, {@code search}, ...); {@code total()} counts calls. */
    public CallTally served() {
        return served;
    }

    /** Requests being served right now, and the most served at once (latency from {@link #faults()} included). */
    public InFlight inFlight() {
        return inFlight;
    }

    /** The same requests by the status answered ({@code "200"}, {@code "207"}, {@code "429"}, ...). */
    public CallTally statuses() {
        return statuses;
    }

    /** From now on only {@code token} is accepted; other tokens get 401 INVALID_AUTHENTICATION. */
    public HubSpotSandbox requireToken(String token) {
        auth.required = Objects.requireNonNull(token, "token");
        return this;
    }

    /** The default: any bearer token is accepted (a missing header still gets 401). */
    public HubSpotSandbox acceptAnyToken() {
        auth.required = null;
        return this;
    }

    /** Where DYNAMIC list re-evaluation runs; synchronous unless a test wants HubSpot's eventual consistency. */
    public void listEvaluation(Executor executor) {
        state.listEvaluation(Objects.requireNonNull(executor));
    }

    /**
     * Hides records from search for {@code delay} after they are created or updated, as HubSpot's search index lags
     * writes. (Simplification: the real index keeps showing the previous version; the sandbox shows none.)
     */
    public void searchVisibilityDelay(java.time.Duration delay) {
        state.searchDelay(Objects.requireNonNull(delay));
    }

    /** The clock stamping createdAt/updatedAt and last-modified properties. */
    public void clock(Clock clock) {
        state.clock(Objects.requireNonNull(clock));
    }

    /** Forgets all records, lists, associations, faults, limits, counts and token settings. */
    public void reset() {
        state.reset();
        rateLimits.reset();
        faults.clear();
        inFlight.resetPeak();
        served.reset();
        statuses.reset();
        acceptAnyToken();
    }

    /**
     * Inserts records straight into state, spending no rate limit. Unlike the API, seeds may set the read-only
     * create and last-modified dates (ISO instants), so tests can build timestamp ties and old data.
     *
     * @return the new ids, in order
     */
    public List<String> seed(String objectType, List<Map<String, String>> records) {
        ObjectStore store = state.store(objectType);
        List<String> ids = new ArrayList<>(records.size());
        synchronized (state) {
            for (Map<String, String> record : records) {
                Map<String, String> writable = new HashMap<>(record);
                writable.keySet().removeIf(store.type()::isReadOnly);
                PropertyValidation.check(store.type(), writable, state);
                store.conflictingId(record, -1).ifPresent(existing -> {
                    throw new IllegalArgumentException("seed record " + record + " clashes on a unique property with "
                            + objectType + " " + existing);
                });
                ids.add(String.valueOf(state.create(store, record).id()));
            }
        }
        return ids;
    }

    public List<String> seed(String objectType, int count, IntFunction<Map<String, String>> record) {
        List<Map<String, String>> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(record.apply(i));
        }
        return seed(objectType, records);
    }

    /** A record's current properties, read without an API call, or empty if it does not exist or is archived. */
    public Optional<Map<String, String>> record(String objectType, String id) {
        ObjectStore store = state.store(objectType);
        synchronized (state) {
            return ObjectStore.parseId(id).flatMap(store::get).map(StoredObject::properties);
        }
    }

    /** The live records whose {@code property} equals {@code value}, read without an API call. */
    public List<Map<String, String>> find(String objectType, String property, String value) {
        ObjectStore store = state.store(objectType);
        synchronized (state) {
            return store.all().stream().filter(o -> !o.archived())
                    .filter(o -> Objects.equals(value, o.properties().get(property)))
                    .map(StoredObject::properties).toList();
        }
    }

    /** Adds a HubSpot user who can own records (listed by {@code /crm/v3/owners}); returns the owner id. */
    public String addOwner(String email, String firstName, String lastName) {
        return state.addOwner(email, firstName, lastName).id();
    }

    /** How many live (not archived) records of a type exist. */
    public int count(String objectType) {
        ObjectStore store = state.store(objectType);
        synchronized (state) {
            return (int) store.all().stream().filter(o -> !o.archived()).count();
        }
    }

    @Override
    public void close() {
        state.webhooks.close();
        if (server != null) {
            server.close();
        }
    }

    /** Which bearer tokens the sandbox accepts. */
    static final class Auth {
        private volatile String required;

        boolean accepts(String header) {
            if (header == null || !header.startsWith("Bearer ") || header.length() <= 7) {
                return false;
            }
            return required == null || java.security.MessageDigest.isEqual(required.getBytes(),
                    header.substring(7).getBytes());
        }
    }
}
