package io.crmsync.sandbox.hubspot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A HubSpot app's webhook subscription: API writes become events ({@code <object>.creation}, {@code .propertyChange}
 * per changed property, {@code .deletion}), delivered in batches of up to 100 as a JSON array, signed with the v3
 * signature (HMAC-SHA256 of method + URL + body + timestamp with the app's client secret), retried with backoff up
 * to 10 times with {@code attemptNumber} counting up when the endpoint answers other than 2xx or not in time.
 * Writes made with one of the app's own tokens carry {@code changeSource INTEGRATION} and the app id as
 * {@code sourceId}; writes with any other token are a person's ({@code CRM_UI}, {@code userId:...}). Seeding is not
 * a change.
 */
public final class Webhooks {

    public static final int MAX_BATCH = 100;
    public static final int MAX_ATTEMPTS = 10;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ConcurrentLinkedQueue<ObjectNode> pending = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<String> callerToken = new ThreadLocal<>();
    private final AtomicLong eventIds = new AtomicLong(1_000_000);
    private final AtomicInteger dropNext = new AtomicInteger();
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger failedAttempts = new AtomicInteger();
    private volatile Subscription subscription;
    private volatile Duration batchingDelay = Duration.ofMillis(100);
    private volatile Duration retryDelay = Duration.ofSeconds(1);
    private ScheduledExecutorService sender;
    private HttpClient http;

    /** Where and how the app's webhooks go. */
    public record Subscription(URI targetUrl, String appId, String clientSecret, Set<String> appTokens,
            Set<String> objectTypes, long portalId) {
        public Subscription {
            Objects.requireNonNull(targetUrl, "targetUrl");
            appTokens = Set.copyOf(appTokens);
            objectTypes = Set.copyOf(objectTypes);
        }
    }

    /** Subscribes {@code targetUrl} to creation, propertyChange and deletion of {@code objectTypes} (singular names). */
    public synchronized Webhooks subscribe(Subscription subscription) {
        this.subscription = subscription;
        if (sender == null) {
            sender = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "hubspot-sandbox-webhooks");
                t.setDaemon(true);
                return t;
            });
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            scheduleFlush();
        }
        return this;
    }

    public synchronized void unsubscribe() {
        subscription = null;
        pending.clear();
    }

    /** How long events gather before a batch goes out (HubSpot batches; default 100 ms). */
    public Webhooks batchingDelay(Duration delay) {
        this.batchingDelay = delay;
        return this;
    }

    /** First retry delay, doubled each attempt (HubSpot spreads 10 retries over 24 hours; tests need seconds). */
    public Webhooks retryDelay(Duration delay) {
        this.retryDelay = delay;
        return this;
    }

    /** Loses the next {@code events} events (never delivered): only the poll can find those changes. */
    public void dropNext(int events) {
        dropNext.set(events);
    }

    /** Events delivered with a 2xx answer. */
    public int delivered() {
        return delivered.get();
    }

    /** Requests sent, retries included. */
    public int requests() {
        return requests.get();
    }

    public int failedAttempts() {
        return failedAttempts.get();
    }

    public synchronized void close() {
        if (sender != null) {
            sender.shutdownNow();
            sender = null;
        }
    }

    // ---- capture -------------------------------------------------------------------------------------------

    void callerToken(String authorizationHeader) {
        if (authorizationHeader == null) {
            callerToken.remove();
        } else {
            callerToken.set(authorizationHeader.startsWith("Bearer ") ? authorizationHeader.substring(7) : "");
        }
    }

    /** A write through the API (seeding has no caller and is not a change). */
    void changed(ObjectType type, StoredObject before, StoredObject after, Instant at) {
        Subscription s = subscription;
        String token = callerToken.get();
        if (s == null || token == null) {
            return;
        }
        String object = singular(type);
        if (!s.objectTypes().contains(object)) {
            return;
        }
        boolean own = s.appTokens().contains(token);
        String source = own ? "INTEGRATION" : "CRM_UI";
        String sourceId = own ? s.appId() : "userId:" + Math.abs(token.hashCode() % 100_000);
        if (before == null) {
            add(event(s, object, "creation", after.id(), at, source, sourceId));
        } else if (after.archived() && !before.archived()) {
            add(event(s, object, "deletion", after.id(), at, source, sourceId));
        } else {
            Set<String> names = new HashSet<>(before.properties().keySet());
            names.addAll(after.properties().keySet());
            for (String name : names) {
                if (name.equals(type.lastModifiedProperty()) || name.equals("hs_lastmodifieddate")
                        || Objects.equals(before.get(name), after.get(name))) {
                    continue; // HubSpot cannot subscribe to the last-modified date
                }
                ObjectNode e = event(s, object, "propertyChange", after.id(), at, source, sourceId);
                e.put("propertyName", name);
                e.put("propertyValue", after.get(name) == null ? "" : after.get(name));
                e.put("changeFlag", "UPDATED");
                add(e);
            }
        }
    }

    /**
     * An association added or removed through the API: HubSpot sends {@code <object>.associationChange} from each end
     * that is subscribed ({@code CONTACT_TO_COMPANY} from the contact, {@code COMPANY_TO_CONTACT} from the company),
     * naming both records; the records themselves are not modified.
     */
    void associationChanged(String fromType, long fromId, String toType, long toId, boolean removed, Instant at) {
        Subscription s = subscription;
        String token = callerToken.get();
        if (s == null || token == null) {
            return;
        }
        boolean own = s.appTokens().contains(token);
        String source = own ? "INTEGRATION" : "CRM_UI";
        String sourceId = own ? s.appId() : "userId:" + Math.abs(token.hashCode() % 100_000);
        String from = singular(ObjectType.require(fromType));
        String to = singular(ObjectType.require(toType));
        for (String[] end : new String[][] { { from, String.valueOf(fromId), to, String.valueOf(toId) },
                { to, String.valueOf(toId), from, String.valueOf(fromId) } }) {
            if (!s.objectTypes().contains(end[0])) {
                continue;
            }
            ObjectNode e = event(s, end[0], "associationChange", Long.parseLong(end[1]), at, source, sourceId);
            e.remove("objectId");
            e.put("fromObjectId", Long.parseLong(end[1]));
            e.put("toObjectId", Long.parseLong(end[3]));
            e.put("associationType", end[0].toUpperCase(java.util.Locale.ROOT) + "_TO_"
                    + end[2].toUpperCase(java.util.Locale.ROOT));
            e.put("associationRemoved", removed);
            e.put("isPrimaryAssociation", false);
            add(e);
        }
    }

    private void add(ObjectNode event) {
        if (dropNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return;
        }
        pending.add(event);
    }

    private ObjectNode event(Subscription s, String object, String kind, long objectId, Instant at, String source,
            String sourceId) {
        ObjectNode e = SandboxJson.NODES.objectNode();
        e.put("eventId", eventIds.incrementAndGet());
        e.put("subscriptionId", Math.abs((object + kind).hashCode() % 1_000_000));
        e.put("portalId", s.portalId());
        e.put("appId", Long.parseLong(s.appId()));
        e.put("occurredAt", at.toEpochMilli());
        e.put("subscriptionType", object + "." + kind);
        e.put("attemptNumber", 0);
        e.put("objectId", objectId);
        e.put("changeSource", source);
        e.put("sourceId", sourceId);
        return e;
    }

    private static String singular(ObjectType type) {
        return switch (type.name()) {
            case "contacts" -> "contact";
            case "companies" -> "company";
            case "deals" -> "deal";
            case "tickets" -> "ticket";
            default -> type.name();
        };
    }

    // ---- delivery ------------------------------------------------------------------------------------------

    private void scheduleFlush() {
        ScheduledExecutorService s = sender;
        if (s != null && !s.isShutdown()) {
            s.schedule(this::flush, batchingDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void flush() {
        try {
            while (!pending.isEmpty()) {
                List<ObjectNode> batch = new ArrayList<>();
                ObjectNode e;
                while (batch.size() < MAX_BATCH && (e = pending.poll()) != null) {
                    batch.add(e);
                }
                send(batch, 0);
            }
        } finally {
            scheduleFlush();
        }
    }

    private void send(List<ObjectNode> batch, int attempt) {
        Subscription s = subscription;
        if (s == null) {
            return;
        }
        ArrayNode array = SandboxJson.NODES.arrayNode();
        batch.forEach(e -> array.add(e.deepCopy().put("attemptNumber", attempt)));
        String body = SandboxJson.write(array);
        String timestamp = String.valueOf(Instant.now().toEpochMilli());
        String url = s.targetUrl().toString();
        requests.incrementAndGet();
        boolean ok;
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(s.targetUrl()).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("X-HubSpot-Signature-Version", "v3")
                    .header("X-HubSpot-Signature-v3", sign(s.clientSecret(), "POST" + url + body + timestamp))
                    .header("X-HubSpot-Request-Timestamp", timestamp)
                    .header("X-HubSpot-Timeout-Millis", String.valueOf(TIMEOUT.toMillis()))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.discarding());
            ok = response.statusCode() / 100 == 2;
        } catch (java.io.IOException e) {
            ok = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (ok) {
            delivered.addAndGet(batch.size());
            return;
        }
        failedAttempts.incrementAndGet();
        if (attempt + 1 < MAX_ATTEMPTS && sender != null) {
            long delay = retryDelay.toMillis() << Math.min(attempt, 16);
            sender.schedule(() -> send(batch, attempt + 1), delay, TimeUnit.MILLISECONDS);
        }
    }

    private static String sign(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
