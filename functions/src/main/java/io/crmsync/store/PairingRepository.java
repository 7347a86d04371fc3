package io.crmsync.store;

import static io.crmsync.store.Attributes.n;
import static io.crmsync.store.Attributes.s;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.crmsync.config.CrmSyncConfig;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Pairings, looked up by HubSpot id (the item key) or Salesforce id (gsi1). A small guard item per Salesforce id,
 * written in the same transaction, makes "one partner per record" hold on both sides: a GSI alone cannot enforce
 * uniqueness, and two workers pairing the same Salesforce record at once would otherwise both succeed.
 */
@ApplicationScoped
public class PairingRepository {

    private final DynamoDbClient dynamo;
    private final Transactions transactions;
    private final String table;

    PairingRepository(DynamoDbClient dynamo, Transactions transactions, CrmSyncConfig config) {
        this.dynamo = dynamo;
        this.transactions = transactions;
        this.table = config.tableName();
    }

    /** Pairings {@link #createAbsent} writes in one transaction: 2 items each, DynamoDB's limit is 100. */
    public static final int CREATE_BATCH = 50;

    /**
     * Creates new pairings (version 0), up to {@link #CREATE_BATCH} in one transaction, each pairing with its
     * Salesforce-id guard and both only if absent, exactly as {@link #create} does one by one: a pairing whose
     * HubSpot or Salesforce record is paired already is left out, the others are written. One call instead of 50
     * matters for an import, which pairs 2,000 records a chunk.
     *
     * @return the pairings written now, as stored
     * @throws IllegalArgumentException when two of them share a HubSpot or a Salesforce id (one transaction cannot
     *         write an item twice)
     */
    public List<Pairing> createAbsent(List<Pairing> pairings) {
        if (pairings.size() > CREATE_BATCH) {
            throw new IllegalArgumentException("createAbsent() takes at most " + CREATE_BATCH + " pairings, got "
                    + pairings.size());
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        List<Pairing> remaining = new java.util.ArrayList<>();
        for (Pairing p : pairings) {
            if (p.version() != 0) {
                throw new IllegalArgumentException("createAbsent() takes new pairings (version 0), got version "
                        + p.version());
            }
            if (!ids.add("hs:" + p.objectType() + ":" + p.hubspotId())
                    || !ids.add("sf:" + p.objectType() + ":" + p.salesforceId())) {
                throw new IllegalArgumentException("createAbsent() cannot write two pairings of one record ("
                        + p.hubspotId() + " / " + p.salesforceId() + ") in one transaction");
            }
            remaining.add(p.withVersion(1));
        }
        while (!remaining.isEmpty()) {
            List<Pairing> attempt = List.copyOf(remaining);
            List<TransactWriteItem> items = new java.util.ArrayList<>();
            attempt.forEach(p -> {
                items.add(putIfAbsent(PairingMapper.toItem(p)));
                items.add(putIfAbsent(PairingMapper.guardItem(p)));
            });
            try {
                transactions.write(dynamo, r -> r.transactItems(items));
                return attempt;
            } catch (TransactionCanceledException e) {
                // The whole transaction was refused; drop the pairings whose record is paired already and retry.
                remaining.clear();
                for (int k = 0; k < attempt.size(); k++) {
                    if (!Transactions.conditionFailed(e, 2 * k) && !Transactions.conditionFailed(e, 2 * k + 1)) {
                        remaining.add(attempt.get(k));
                    }
                }
                if (remaining.size() == attempt.size()) {
                    throw e;
                }
            }
        }
        return List.of();
    }

    /** Stores a new pairing (version must be 0); returns it at version 1. */
    public Pairing create(Pairing pairing) {
        if (pairing.version() != 0) {
            throw new IllegalArgumentException("create() takes a new pairing (version 0), got version " + pairing.version());
        }
        Pairing stored = pairing.withVersion(1);
        try {
            transactions.write(dynamo, r -> r.transactItems(
                    putIfAbsent(PairingMapper.toItem(stored)),
                    putIfAbsent(PairingMapper.guardItem(stored))));
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e, 0)) {
                throw new PairingExistsException(pairing.objectType(), CrmSide.HUBSPOT, pairing.hubspotId());
            }
            if (Transactions.conditionFailed(e, 1)) {
                throw new PairingExistsException(pairing.objectType(), CrmSide.SALESFORCE, pairing.salesforceId());
            }
            throw e;
        } catch (DynamoDbException e) {
            throw tooLargeOr(pairing, e);
        }
        return stored;
    }

    public Optional<Pairing> findByHubspotId(String objectType, String hubspotId) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(PairingMapper.key(objectType, hubspotId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(PairingMapper.fromItem(item));
    }

    /** Through gsi1, so eventually consistent: a pairing created a moment ago may not show yet. */
    public Optional<Pairing> findBySalesforceId(String objectType, String salesforceId) {
        var items = dynamo.query(r -> r.tableName(table).indexName(StoreSchema.GSI1)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", StoreSchema.GSI1_PK))
                .expressionAttributeValues(Map.of(":pk", s(StoreKeys.pairingBySalesforce(objectType, salesforceId)))))
                .items();
        return items.isEmpty() ? Optional.empty() : Optional.of(PairingMapper.fromItem(items.get(0)));
    }

    /** Pairings by HubSpot id, fetched with BatchGetItem in groups of 100; ids without a pairing are absent. */
    public Map<String, Pairing> findByHubspotIds(String objectType, Collection<String> hubspotIds) {
        List<Map<String, AttributeValue>> keys = new LinkedHashSet<>(hubspotIds).stream()
                .map(id -> PairingMapper.key(objectType, id)).toList();
        Map<String, Pairing> found = new LinkedHashMap<>();
        BatchReads.get(dynamo, table, keys).stream().map(PairingMapper::fromItem)
                .forEach(p -> found.put(p.hubspotId(), p));
        return found;
    }

    /**
     * Pairings by Salesforce id, keyed by that id. Reads the guard items (which name the HubSpot id) and then the
     * pairings, both with BatchGetItem: two strongly consistent calls per 100 ids instead of 100 gsi1 queries.
     */
    public Map<String, Pairing> findBySalesforceIds(String objectType, Collection<String> salesforceIds) {
        List<Map<String, AttributeValue>> guardKeys = new LinkedHashSet<>(salesforceIds).stream()
                .map(id -> PairingMapper.guardKey(objectType, id)).toList();
        List<String> hubspotIds = BatchReads.get(dynamo, table, guardKeys).stream()
                .map(guard -> Attributes.string(guard, "hubspotId")).toList();
        Map<String, Pairing> found = new LinkedHashMap<>();
        // A re-pairing between the two reads shows up as a pairing that now names another Salesforce id: skip it.
        findByHubspotIds(objectType, hubspotIds).values().stream()
                .filter(p -> salesforceIds.contains(p.salesforceId()))
                .forEach(p -> found.put(p.salesforceId(), p));
        return found;
    }

    /**
     * Saves a pairing read earlier, if nobody saved it since. The Salesforce id cannot change here; use
     * {@link #repair}.
     *
     * @return the pairing at its new version
     * @throws StaleVersionException when another save came first
     * @throws PairingNotFoundException when the pairing was deleted meanwhile
     */
    public Pairing save(Pairing pairing) {
        Pairing next = pairing.withVersion(pairing.version() + 1);
        try {
            dynamo.putItem(r -> r.tableName(table).item(PairingMapper.toItem(next))
                    .conditionExpression("#v = :expected AND salesforceId = :sf")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":expected", n(pairing.version()), ":sf", s(pairing.salesforceId())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException e) {
            throw whyRejected(pairing, e.item());
        } catch (DynamoDbException e) {
            throw tooLargeOr(pairing, e);
        }
        return next;
    }

    /**
     * Pairs the HubSpot record with another Salesforce record (e.g. a Lead converted to a Contact). The last synced
     * values are cleared because they described the old record; history is kept.
     */
    public Pairing repair(Pairing pairing, String newSalesforceId, SalesforceType newType) {
        Pairing next = pairing.repairedTo(newSalesforceId, newType).withVersion(pairing.version() + 1);
        try {
            transactions.write(dynamo, r -> r.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(PairingMapper.toItem(next))
                            .conditionExpression("#v = :expected")
                            .expressionAttributeNames(Map.of("#v", "version"))
                            .expressionAttributeValues(Map.of(":expected", n(pairing.version())))
                            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                            .build()).build(),
                    deleteGuard(pairing),
                    putIfAbsent(PairingMapper.guardItem(next))));
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e, 0)) {
                throw whyRejected(pairing, e.cancellationReasons().get(0).item());
            }
            if (Transactions.conditionFailed(e, 2)) {
                throw new PairingExistsException(pairing.objectType(), CrmSide.SALESFORCE, newSalesforceId);
            }
            throw e;
        }
        return next;
    }

    /** Removes the pairing and frees its Salesforce id, if nobody saved it since it was read. */
    public void delete(Pairing pairing) {
        try {
            transactions.write(dynamo, r -> r.transactItems(
                    TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                            .key(PairingMapper.key(pairing.objectType(), pairing.hubspotId()))
                            .conditionExpression("#v = :expected")
                            .expressionAttributeNames(Map.of("#v", "version"))
                            .expressionAttributeValues(Map.of(":expected", n(pairing.version())))
                            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                            .build()).build(),
                    deleteGuard(pairing)));
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e, 0)) {
                throw whyRejected(pairing, e.cancellationReasons().get(0).item());
            }
            throw e;
        }
    }

    private TransactWriteItem deleteGuard(Pairing pairing) {
        // Only our own guard: if the Salesforce id is guarded for another HubSpot record, something is badly off.
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(PairingMapper.guardKey(pairing.objectType(), pairing.salesforceId()))
                .conditionExpression("hubspotId = :hs")
                .expressionAttributeValues(Map.of(":hs", s(pairing.hubspotId())))
                .build()).build();
    }

    private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", StoreSchema.PK))
                .build()).build();
    }

    private static RuntimeException tooLargeOr(Pairing pairing, DynamoDbException e) {
        if (e instanceof TransactionCanceledException || !ItemTooLargeException.isItemTooLarge(e)) {
            return e;
        }
        return new ItemTooLargeException("Pairing " + pairing.objectType() + " HS " + pairing.hubspotId(), e);
    }

    private RuntimeException whyRejected(Pairing pairing, Map<String, AttributeValue> current) {
        if (current == null || current.isEmpty()) {
            return new PairingNotFoundException(pairing.objectType(), pairing.hubspotId());
        }
        Pairing stored = PairingMapper.fromItem(current);
        if (stored.version() == pairing.version()) {
            // Same version, different Salesforce id: the caller tried to re-pair through save().
            return new IllegalArgumentException("The Salesforce id of a pairing changes only through repair()");
        }
        return new StaleVersionException("Pairing " + pairing.objectType() + " HS " + pairing.hubspotId(),
                pairing.version(), stored.version());
    }
}
