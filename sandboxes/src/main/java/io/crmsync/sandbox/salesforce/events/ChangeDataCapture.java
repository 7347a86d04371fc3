package io.crmsync.sandbox.salesforce.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crmsync.sandbox.salesforce.schema.ObjectDef;
import io.crmsync.sandbox.salesforce.store.ChangeListener;

/**
 * Change Data Capture for the objects selected for it, relayed as Event Relay relays it: each committed API
 * transaction becomes change events (header with entityName, recordIds, changeType, changeOrigin from the caller's
 * {@code Sforce-Call-Options: client=...}, transactionKey, sequenceNumber, commitTimestamp, commitNumber,
 * commitUser, changedFields, nulledFields, diffFields; body with only the changed fields on UPDATE, every non-null
 * field on CREATE), the same update of several records in one transaction as one event naming them all, wrapped in
 * the EventBridge event a partner event bus carries, and handed to the relay (local mode: an SQS queue) in commit
 * order on a thread of its own. Writes outside an API call (a user's edit in tests) have an empty changeOrigin.
 * Seeding is not a change. Deliveries count against DailyDeliveredPlatformEvents.
 *
 * <p>Fault injection: the next N events as gap events (no field values), the next transaction as a GAP_OVERFLOW,
 * the next N events lost by the relay.
 */
public final class ChangeDataCapture implements ChangeListener {

    public static final String ORG_ID = "00D5g000000SandAAA";
    public static final String CHANNEL_ID = "0YL5g0000000SandGAA";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CLIENT = Pattern.compile("(?:^|[,;\\s])client=([^,;\\s]+)");
    private static final Set<String> SYSTEM_FIELDS = Set.of("SystemModstamp", "LastModifiedById", "IsDeleted");

    private final Set<String> selected = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Transaction> current = new ThreadLocal<>();
    private final AtomicLong commitNumber = new AtomicLong(1_000_000);
    private final AtomicLong replayId = new AtomicLong(10_000);
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicInteger gapNext = new AtomicInteger();
    private final AtomicInteger dropNext = new AtomicInteger();
    private final AtomicInteger overflowNext = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private volatile long allocation = 50_000;
    private volatile Consumer<String> relay;
    private volatile ExecutorService delivery;

    /** A change in a transaction, before commit. */
    private record Pending(ObjectDef def, String id, String type, Map<String, Object> before, Map<String, Object> after) {
    }

    private static final class Transaction {
        final String origin;
        final String commitUser;
        final List<Pending> changes = new ArrayList<>();

        Transaction(String origin, String commitUser) {
            this.origin = origin;
            this.commitUser = commitUser;
        }
    }

    // ---- configuration and fault injection -------------------------------------------------------------------

    /** Selects objects for Change Data Capture (Setup > Change Data Capture); others emit nothing. */
    public ChangeDataCapture select(String... sobjects) {
        selected.addAll(List.of(sobjects));
        return this;
    }

    public Set<String> selected() {
        return Set.copyOf(selected);
    }

    /** Where relayed events go (the EventBridge event as JSON), or null for no relay. */
    public synchronized ChangeDataCapture relay(Consumer<String> target) {
        this.relay = target;
        if (target != null && delivery == null) {
            delivery = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "salesforce-sandbox-event-relay");
                t.setDaemon(true);
                return t;
            });
        }
        return this;
    }

    public void gapNext(int events) {
        gapNext.set(events);
    }

    public void overflowNext() {
        overflowNext.set(1);
    }

    /** The relay loses the next {@code events} events (a relay outage): only the poll can find those changes. */
    public void dropNext(int events) {
        dropNext.set(events);
    }

    public int dropped() {
        return dropped.get();
    }

    /** DailyDeliveredPlatformEvents' Max (Performance/Unlimited: 50,000). */
    public void deliveryAllocation(long max) {
        this.allocation = max;
    }

    public long deliveryAllocation() {
        return allocation;
    }

    public long delivered() {
        return delivered.get();
    }

    /** Counts deliveries made outside the sandbox (as other subscribers' do) against the allocation. */
    public void addDelivered(long events) {
        delivered.addAndGet(events);
    }

    public void reset() {
        gapNext.set(0);
        dropNext.set(0);
        overflowNext.set(0);
        dropped.set(0);
        delivered.set(0);
    }

    /** Waits until every committed event was handed to the relay. */
    public void flush() {
        ExecutorService d = delivery;
        if (d != null) {
            try {
                d.submit(() -> { }).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("The sandbox's event relay did not drain", e);
            }
        }
    }

    public synchronized void close() {
        if (delivery != null) {
            delivery.shutdownNow();
            delivery = null;
        }
    }

    // ---- transactions: one API request is one transaction ------------------------------------------------------

    /**
     * Opens the transaction of one API request.
     *
     * @param callOptions the request's Sforce-Call-Options header (may be null)
     */
    public void begin(String apiVersion, String callOptions, String userId) {
        String origin = "com/salesforce/api/rest/" + apiVersion.replace("v", "");
        if (callOptions != null) {
            Matcher m = CLIENT.matcher(callOptions);
            if (m.find()) {
                origin += ";client=" + m.group(1);
            }
        }
        current.set(new Transaction(origin, userId));
    }

    /** Commits the request's transaction: its changes become events. */
    public void commit() {
        Transaction tx = current.get();
        current.remove();
        if (tx != null && !tx.changes.isEmpty()) {
            publish(tx);
        }
    }

    @Override
    public void changed(ObjectDef def, String id, String type, Map<String, Object> before, Map<String, Object> after) {
        if (!selected.contains(def.name())) {
            return;
        }
        Pending change = new Pending(def, id, type, before == null ? null : Map.copyOf(nonNull(before)),
                after == null ? null : Map.copyOf(nonNull(after)));
        Transaction tx = current.get();
        if (tx == null) {
            // not through the API: a person's edit in the UI, its own transaction, no API origin
            Object user = after != null ? after.get("LastModifiedById") : before.get("LastModifiedById");
            Transaction ui = new Transaction("", user == null ? "0055g00000UserAAAA" : user.toString());
            ui.changes.add(change);
            publish(ui);
        } else {
            tx.changes.add(change);
        }
    }

    @Override
    public void rolledBack(ObjectDef def, String id) {
        Transaction tx = current.get();
        if (tx != null) {
            tx.changes.removeIf(c -> c.def().name().equals(def.name()) && c.id().equals(id));
        }
    }

    private void publish(Transaction tx) {
        long commit = commitNumber.incrementAndGet();
        long timestamp = Instant.now().toEpochMilli();
        String transactionKey = UUID.randomUUID().toString();
        List<ObjectNode> payloads = new ArrayList<>();
        if (overflowNext.getAndSet(0) > 0) {
            Set<String> entities = new LinkedHashSet<>();
            tx.changes.forEach(c -> entities.add(c.def().name()));
            for (String entity : entities) {
                ObjectNode payload = JSON.createObjectNode();
                header(payload, entity, List.of(), "GAP_OVERFLOW", tx, transactionKey, payloads.size() + 1, timestamp,
                        commit, List.of(), List.of());
                payloads.add(payload);
            }
        } else {
            // the same update of several records in one transaction is one event naming them all
            Map<String, List<Pending>> grouped = new LinkedHashMap<>();
            for (Pending c : tx.changes) {
                String key = c.type().equals("UPDATE") ? c.def().name() + "|" + changedValues(c) : c.def().name()
                        + "|" + c.type() + "|" + c.id();
                grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
            }
            for (List<Pending> group : grouped.values()) {
                payloads.add(payload(group, tx, transactionKey, payloads.size() + 1, timestamp, commit));
            }
        }
        for (ObjectNode payload : payloads) {
            String entity = payload.path("ChangeEventHeader").path("entityName").asText();
            String event = envelope(entity, payload);
            if (dropNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                dropped.incrementAndGet();
                continue;
            }
            Consumer<String> target = relay;
            ExecutorService d = delivery;
            if (target != null && d != null) {
                d.execute(() -> {
                    target.accept(event);
                    delivered.incrementAndGet();
                });
            }
        }
    }

    private ObjectNode payload(List<Pending> group, Transaction tx, String transactionKey, int sequence, long timestamp,
            long commit) {
        Pending first = group.get(0);
        List<String> ids = group.stream().map(Pending::id).toList();
        boolean gap = gapNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        String type = gap ? "GAP_" + first.type() : first.type();
        ObjectNode payload = JSON.createObjectNode();
        List<String> changed = new ArrayList<>();
        List<String> nulled = new ArrayList<>();
        if (!gap) {
            if (first.type().equals("CREATE")) {
                first.after().forEach((field, value) -> {
                    if (!field.equals("Id") && !SYSTEM_FIELDS.contains(field)) {
                        put(payload, field, value);
                    }
                });
            } else if (first.type().equals("UPDATE")) {
                for (String field : changedFields(first)) {
                    Object value = first.after().get(field);
                    put(payload, field, value);
                    changed.add(field);
                    if (value == null) {
                        nulled.add(field);
                    }
                }
            }
        }
        header(payload, first.def().name(), ids, type, tx, transactionKey, sequence, timestamp, commit, changed, nulled);
        return payload;
    }

    private static void header(ObjectNode payload, String entity, List<String> ids, String type, Transaction tx,
            String transactionKey, int sequence, long timestamp, long commit, List<String> changed, List<String> nulled) {
        ObjectNode header = JSON.createObjectNode();
        header.put("entityName", entity);
        ArrayNode recordIds = header.putArray("recordIds");
        ids.forEach(recordIds::add);
        header.put("changeType", type);
        header.put("changeOrigin", tx.origin);
        header.put("transactionKey", transactionKey);
        header.put("sequenceNumber", sequence);
        header.put("commitTimestamp", timestamp);
        header.put("commitNumber", commit);
        header.put("commitUser", tx.commitUser);
        ArrayNode nulledFields = header.putArray("nulledFields");
        nulled.forEach(nulledFields::add);
        header.putArray("diffFields");
        ArrayNode changedFields = header.putArray("changedFields");
        changed.forEach(changedFields::add);
        payload.set("ChangeEventHeader", header);
    }

    /** The EventBridge event Event Relay puts on the partner event bus. */
    private String envelope(String entity, ObjectNode payload) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", entity.endsWith("__c") ? entity.replace("__c", "__ChangeEvent") : entity + "ChangeEvent");
        event.put("source", "aws.partner/salesforce.com/" + ORG_ID + "/" + CHANNEL_ID);
        event.put("account", "000000000000");
        event.put("time", Instant.now().toString());
        event.put("region", "us-east-1");
        event.putArray("resources");
        ObjectNode detail = event.putObject("detail");
        detail.set("payload", payload);
        detail.put("schemaId", "sandbox-" + entity + "-schema");
        detail.put("id", UUID.randomUUID().toString());
        detail.put("replayId", replayId.incrementAndGet());
        try {
            return JSON.writeValueAsString(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> changedFields(Pending c) {
        Set<String> fields = new LinkedHashSet<>(c.after().keySet());
        fields.addAll(c.before().keySet());
        List<String> changed = new ArrayList<>();
        for (String f : fields) {
            if (!SYSTEM_FIELDS.contains(f) && !Objects.equals(c.before().get(f), c.after().get(f))) {
                changed.add(f);
            }
        }
        return changed;
    }

    private static String changedValues(Pending c) {
        StringBuilder key = new StringBuilder();
        for (String f : changedFields(c)) {
            if (!f.equals("LastModifiedDate")) {
                key.append(f).append('=').append(c.after().get(f)).append(';');
            }
        }
        return key.toString();
    }

    private static Map<String, Object> nonNull(Map<String, Object> record) {
        Map<String, Object> out = new LinkedHashMap<>();
        record.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static void put(ObjectNode node, String field, Object value) {
        if (value == null) {
            node.putNull(field);
        } else if (value instanceof Instant || value instanceof LocalDate) {
            node.put(field, value.toString());
        } else {
            node.set(field, JSON.valueToTree(value));
        }
    }
}
