package io.crmsync.sandbox.hubspot;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything the sandbox remembers: records per object type, lists and associations. One monitor guards it all
 * (handlers run on worker threads); simpler than fine-grained locks and fast enough for 100,000 records.
 */
final class SandboxState {

    private final AtomicLong ids = new AtomicLong(100_000);
    private final AtomicLong listIds = new AtomicLong(1);
    private final Map<String, ObjectStore> stores = new LinkedHashMap<>();
    final TreeMap<Long, SandboxList> lists = new TreeMap<>();
    final AssociationStore associations = new AssociationStore();
    /** The portal's owners (users who can own records), in creation order. */
    final List<Owner> owners = new ArrayList<>();
    private final AtomicLong ownerIds = new AtomicLong(70_000_000);

    record Owner(String id, String email, String firstName, String lastName, long userId, Instant createdAt,
            boolean archived) {
    }
    private volatile Clock clock = Clock.systemUTC();
    /**
     * Where DYNAMIC list re-evaluation runs. Synchronous by default; real HubSpot is eventually consistent, so a test
     * can swap in a deferring executor to reproduce "the update synced before the segment was re-evaluated".
     */
    private volatile Executor listEvaluation = Runnable::run;
    /** How long a created or updated record stays invisible to search, like HubSpot's index lag. */
    private volatile java.time.Duration searchDelay = java.time.Duration.ZERO;
    final Webhooks webhooks = new Webhooks();

    SandboxState() {
        for (ObjectType type : ObjectType.ALL) {
            stores.put(type.name(), new ObjectStore(type, ids::incrementAndGet));
        }
    }

    ObjectStore store(String nameOrId) {
        return stores.get(ObjectType.require(nameOrId).name());
    }

    Instant now() {
        return clock.instant();
    }

    void clock(Clock clock) {
        this.clock = clock;
    }

    java.time.Duration searchDelay() {
        return searchDelay;
    }

    void searchDelay(java.time.Duration delay) {
        this.searchDelay = delay;
    }

    void listEvaluation(Executor executor) {
        this.listEvaluation = executor;
    }

    synchronized StoredObject create(ObjectStore store, Map<String, String> properties) {
        StoredObject created = store.create(properties, now());
        changed(store.type(), created);
        webhooks.changed(store.type(), null, created, now());
        return created;
    }

    synchronized StoredObject update(ObjectStore store, StoredObject current, Map<String, String> properties) {
        StoredObject updated = store.update(current, properties, now());
        changed(store.type(), updated);
        webhooks.changed(store.type(), current, updated, now());
        return updated;
    }

    synchronized StoredObject archive(ObjectStore store, StoredObject current) {
        StoredObject archived = store.archive(current, now());
        changed(store.type(), archived);
        webhooks.changed(store.type(), current, archived, now());
        return archived;
    }

    synchronized SandboxList createList(String name, ObjectType type, String processingType,
            com.fasterxml.jackson.databind.JsonNode filterBranch) {
        for (SandboxList existing : lists.values()) {
            if (existing.name.equalsIgnoreCase(name)) {
                throw new SandboxException(HubSpotError.of(409, "CONFLICT",
                        "A list with name '" + name + "' already exists."));
            }
        }
        SandboxList list = new SandboxList(listIds.getAndIncrement(), name, type, processingType, filterBranch, now());
        if (list.filter != null && !processingType.equals("MANUAL")) {
            // DYNAMIC and SNAPSHOT both start from the filter; only DYNAMIC keeps following it
            store(type.name()).liveRecords().forEach(r -> list.evaluate(r, now()));
        }
        lists.put(list.listId, list);
        return list;
    }

    synchronized Owner addOwner(String email, String firstName, String lastName) {
        long id = ownerIds.incrementAndGet();
        Owner owner = new Owner(String.valueOf(id), email.toLowerCase(java.util.Locale.ROOT), firstName, lastName,
                id + 1_000_000, now(), false);
        owners.add(owner);
        return owner;
    }

    synchronized boolean isOwner(String id) {
        return owners.stream().anyMatch(o -> o.id().equals(id) && !o.archived());
    }

    synchronized void reset() {
        owners.clear();
        stores.values().forEach(ObjectStore::clear);
        lists.clear();
        associations.clear();
        listEvaluation = Runnable::run;
        searchDelay = java.time.Duration.ZERO;
        clock = Clock.systemUTC();
    }

    private void changed(ObjectType type, StoredObject record) {
        listEvaluation.execute(() -> {
            synchronized (this) {
                Instant now = now();
                for (SandboxList list : lists.values()) {
                    if (list.isDynamic() && list.objectType.equals(type) && list.evaluate(record, now)) {
                        list.updatedAt = now;
                        list.listVersion++;
                    }
                }
            }
        });
    }
}
