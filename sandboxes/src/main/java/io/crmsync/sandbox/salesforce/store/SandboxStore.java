package io.crmsync.sandbox.salesforce.store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.crmsync.sandbox.salesforce.schema.FieldDef;
import io.crmsync.sandbox.salesforce.schema.Formula;
import io.crmsync.sandbox.salesforce.schema.ObjectDef;
import io.crmsync.sandbox.salesforce.schema.SandboxSchema;
import io.crmsync.sandbox.salesforce.schema.ValidationRule;

/**
 * The sandbox org's data: one sorted map per sObject (Id order = creation order), a delete log per sObject for
 * getDeleted, and a case-insensitive index per external-Id field for upserts. Stored records are immutable maps
 * replaced on every write, so readers never see half a write; writers are serialised.
 */
public final class SandboxStore implements Formula.RecordLookup {

    /** Who the sandbox says made API writes (the integration user). */
    public static final String INTEGRATION_USER_ID = "0055g00000IntUsAAA";

    private final SandboxSchema schema;
    private final Map<String, ConcurrentSkipListMap<String, Map<String, Object>>> tables = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentSkipListMap<String, Instant>> deleted = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> externalIds = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();
    private volatile Clock clock = Clock.systemUTC();
    private volatile ChangeListener capture = ChangeListener.NONE;

    public SandboxStore(SandboxSchema schema) {
        this.schema = schema;
    }

    public SandboxSchema schema() {
        return schema;
    }

    public void clock(Clock clock) {
        this.clock = clock;
    }

    /** Who hears of committed writes (change data capture). */
    public void changeListener(ChangeListener listener) {
        this.capture = listener == null ? ChangeListener.NONE : listener;
    }

    /** Salesforce keeps milliseconds. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public NavigableMap<String, Map<String, Object>> table(ObjectDef def) {
        return tables.computeIfAbsent(def.name(), k -> new ConcurrentSkipListMap<>());
    }

    public NavigableMap<String, Instant> deletions(ObjectDef def) {
        return deleted.computeIfAbsent(def.name(), k -> new ConcurrentSkipListMap<>());
    }

    public Map<String, Object> get(ObjectDef def, String id) {
        return id == null ? null : table(def).get(SalesforceIds.to18(id));
    }

    @Override
    public Map<String, Object> find(String sobject, String id) {
        return schema.object(sobject).map(def -> get(def, id)).orElse(null);
    }

    /** Stored fields plus formula values, computed now. */
    public Map<String, Object> withFormulas(ObjectDef def, Map<String, Object> stored) {
        Map<String, Object> out = new LinkedHashMap<>(stored);
        for (FieldDef f : def.fields()) {
            if (f.calculated()) {
                out.put(f.name(), f.formula().compute(stored, this));
            }
        }
        return out;
    }

    /** An API create: only createable fields, required fields and validation rules enforced. */
    public synchronized String create(ObjectDef def, Map<String, Object> values) {
        checkWritable(def, values.keySet(), true);
        checkPicklists(def, values);
        Map<String, Object> record = new LinkedHashMap<>(values);
        checkRequired(def, record);
        checkRules(def, record);
        String id = insertChecked(def, record, now());
        capture.changed(def, id, "CREATE", null, table(def).get(id));
        return id;
    }

    /** An API update of existing fields; returns the previous stored record (for all-or-none rollback). */
    public synchronized Map<String, Object> update(ObjectDef def, String id, Map<String, Object> changes) {
        Map<String, Object> current = existing(def, id);
        checkWritable(def, changes.keySet(), false);
        checkPicklists(def, changes);
        Map<String, Object> record = new LinkedHashMap<>(current);
        record.putAll(changes);
        checkRequired(def, record);
        checkRules(def, record);
        checkUnique(def, record, current.get("Id").toString());
        Instant now = now();
        record.put("LastModifiedDate", now);
        record.put("LastModifiedById", INTEGRATION_USER_ID);
        record.put("SystemModstamp", now);
        put(def, current, record);
        capture.changed(def, current.get("Id").toString(), "UPDATE", current, record);
        return current;
    }

    /** What {@code convertLead} made or used. */
    public record Conversion(String leadId, String accountId, String contactId, String opportunityId) {
    }

    /**
     * Converts a lead as Salesforce's {@code convertLead} does: the given (or a new) Account named after the lead's
     * Company, the given (or a new) Contact with the lead's person fields and owner, an Opportunity unless told not
     * to, and the lead marked {@code IsConverted} with the ids, in one transaction.
     */
    public synchronized Conversion convertLead(String leadId, String convertedStatus, String accountId,
            String contactId, boolean doNotCreateOpportunity, String opportunityName) {
        ObjectDef leadDef = schema.object("Lead").orElseThrow();
        Map<String, Object> lead = existing(leadDef, leadId);
        if (Boolean.TRUE.equals(lead.get("IsConverted"))) {
            throw new WriteError("CANNOT_UPDATE_CONVERTED_LEAD", "cannot reference converted lead", List.of())
                    .toException();
        }
        if (convertedStatus == null || !"Closed - Converted".equals(convertedStatus)) {
            throw new WriteError("INVALID_STATUS", "invalid convertedStatus: " + convertedStatus, List.of())
                    .toException();
        }
        Instant now = now();
        ObjectDef accountDef = schema.object("Account").orElseThrow();
        String account = accountId != null ? existing(accountDef, accountId).get("Id").toString()
                : insertChecked(accountDef, copy(lead, Map.of("Company", "Name", "OwnerId", "OwnerId",
                        "City", "BillingCity")), now);
        ObjectDef contactDef = schema.object("Contact").orElseThrow();
        String contact;
        if (contactId != null) {
            contact = existing(contactDef, contactId).get("Id").toString();
        } else {
            Map<String, Object> fields = copy(lead, Map.of("FirstName", "FirstName", "LastName", "LastName",
                    "Email", "Email", "Phone", "Phone", "Title", "Title", "LeadSource", "LeadSource",
                    "OwnerId", "OwnerId", "City", "MailingCity"));
            fields.put("AccountId", account);
            contact = insertChecked(contactDef, fields, now);
        }
        String opportunity = null;
        if (!doNotCreateOpportunity) {
            ObjectDef oppDef = schema.object("Opportunity").orElseThrow();
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("Name", opportunityName != null ? opportunityName : String.valueOf(lead.get("Company")) + "-");
            fields.put("StageName", "Prospecting");
            fields.put("CloseDate", java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).plusDays(30));
            fields.put("AccountId", account);
            if (lead.get("OwnerId") != null) {
                fields.put("OwnerId", lead.get("OwnerId"));
            }
            opportunity = insertChecked(oppDef, fields, now);
        }
        Map<String, Object> converted = new LinkedHashMap<>(lead);
        converted.put("IsConverted", true);
        converted.put("Status", convertedStatus);
        converted.put("ConvertedAccountId", account);
        converted.put("ConvertedContactId", contact);
        converted.put("ConvertedDate", java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC));
        if (opportunity != null) {
            converted.put("ConvertedOpportunityId", opportunity);
        }
        converted.put("LastModifiedDate", now);
        converted.put("LastModifiedById", INTEGRATION_USER_ID);
        converted.put("SystemModstamp", now);
        put(leadDef, lead, converted);
        return new Conversion(lead.get("Id").toString(), account, contact, opportunity);
    }

    private static Map<String, Object> copy(Map<String, Object> from, Map<String, String> fieldMap) {
        Map<String, Object> out = new LinkedHashMap<>();
        fieldMap.forEach((source, target) -> {
            if (from.get(source) != null) {
                out.put(target, from.get(source));
            }
        });
        return out;
    }

    public synchronized Map<String, Object> delete(ObjectDef def, String id) {
        Map<String, Object> current = existing(def, id);
        String key = current.get("Id").toString();
        table(def).remove(key);
        unindex(def, current);
        deletions(def).put(key, now());
        capture.changed(def, key, "DELETE", current, null);
        return current;
    }

    /** Puts a stored record back as it was (all-or-none rollback); {@code previous == null} removes it. */
    public synchronized void restore(ObjectDef def, String id, Map<String, Object> previous) {
        capture.rolledBack(def, id);
        Map<String, Object> current = table(def).get(id);
        if (current != null) {
            unindex(def, current);
            table(def).remove(id);
        }
        if (previous != null) {
            table(def).put(id, previous);
            index(def, previous);
            deletions(def).remove(id);
        }
    }

    /**
     * Inserts straight into state for test seeding: no API budget, no createable/required/rule checks, and
     * system fields may be given (to seed old modstamps); unique external Ids are still enforced.
     */
    public synchronized String seed(ObjectDef def, Map<String, Object> values) {
        Map<String, Object> record = new LinkedHashMap<>();
        values.forEach((k, v) -> record.put(def.field(k).orElseThrow(() -> new IllegalArgumentException(
                "No field " + k + " on " + def.name())).name(), v));
        return insertChecked(def, record, now());
    }

    public Map<String, String> externalIdIndex(ObjectDef def, FieldDef field) {
        return externalIds.computeIfAbsent(def.name() + "." + field.name(), k -> new ConcurrentHashMap<>());
    }

    public synchronized void clear(ObjectDef def) {
        table(def).clear();
        deletions(def).clear();
        def.externalIdFields().forEach(f -> externalIdIndex(def, f).clear());
    }

    public synchronized void clearAll() {
        schema.objects().forEach(this::clear);
    }

    private String insertChecked(ObjectDef def, Map<String, Object> record, Instant now) {
        String id = SalesforceIds.of(def.keyPrefix(),
                sequences.computeIfAbsent(def.name(), k -> new AtomicLong()).incrementAndGet());
        record.put("Id", id);
        record.putIfAbsent("IsDeleted", false);
        record.putIfAbsent("CreatedDate", now);
        record.putIfAbsent("CreatedById", INTEGRATION_USER_ID);
        record.putIfAbsent("LastModifiedDate", record.get("CreatedDate"));
        record.putIfAbsent("LastModifiedById", INTEGRATION_USER_ID);
        record.putIfAbsent("SystemModstamp", record.get("LastModifiedDate"));
        def.fields().stream().filter(f -> f.type() == io.crmsync.sandbox.salesforce.schema.FieldType.BOOLEAN
                && !f.calculated()).forEach(f -> record.putIfAbsent(f.name(), false));
        checkUnique(def, record, id);
        put(def, null, record);
        return id;
    }

    private void put(ObjectDef def, Map<String, Object> previous, Map<String, Object> record) {
        if (previous != null) {
            unindex(def, previous);
        }
        Map<String, Object> frozen = Collections.unmodifiableMap(record);
        table(def).put(record.get("Id").toString(), frozen);
        index(def, frozen);
    }

    private Map<String, Object> existing(ObjectDef def, String id) {
        if (!SalesforceIds.looksLikeId(id)) {
            throw new WriteError("MALFORMED_ID", "malformed id " + id, List.of("Id")).toException();
        }
        String key = SalesforceIds.to18(id);
        Map<String, Object> current = table(def).get(key);
        if (current == null) {
            if (deletions(def).containsKey(key)) {
                throw new WriteError("ENTITY_IS_DELETED", "entity is deleted", List.of()).toException();
            }
            throw new WriteError("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", List.of())
                    .toException();
        }
        return current;
    }

    private static void checkWritable(ObjectDef def, java.util.Set<String> names, boolean create) {
        List<String> refused = names.stream().map(n -> def.field(n).orElseThrow())
                .filter(f -> create ? !f.createable() : !f.updateable()).map(FieldDef::name).toList();
        if (!refused.isEmpty()) {
            throw new WriteError("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: "
                    + String.join(", ", refused) + ". Please check the security settings of this field and verify "
                    + "that it is read/write for your profile or permission set.", refused).toException();
        }
    }

    /** Restricted picklists take listed values only, with Salesforce's code and message. */
    private static void checkPicklists(ObjectDef def, Map<String, Object> values) {
        values.forEach((name, value) -> def.field(name).filter(FieldDef::restrictedPicklist).ifPresent(f -> {
            if (value != null && !f.picklistValues().contains(value.toString())) {
                throw new WriteError("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", f.label()
                        + ": bad value for restricted picklist field: " + value, List.of(f.name())).toException();
            }
        }));
    }

    private static void checkRequired(ObjectDef def, Map<String, Object> record) {
        List<String> missing = def.fields().stream().filter(FieldDef::required)
                .filter(f -> record.get(f.name()) == null).map(FieldDef::name).toList();
        if (!missing.isEmpty()) {
            throw new WriteError("REQUIRED_FIELD_MISSING", "Required fields are missing: " + missing, missing)
                    .toException();
        }
    }

    private static void checkRules(ObjectDef def, Map<String, Object> record) {
        for (ValidationRule rule : def.rules()) {
            if (rule.violated().test(record)) {
                throw new WriteError("FIELD_CUSTOM_VALIDATION_EXCEPTION", rule.message(), List.of(rule.field()))
                        .toException();
            }
        }
    }

    private void checkUnique(ObjectDef def, Map<String, Object> record, String selfId) {
        for (FieldDef f : def.externalIdFields()) {
            Object value = record.get(f.name());
            if (value == null) {
                continue;
            }
            String holder = externalIdIndex(def, f).get(value.toString().toLowerCase(Locale.ROOT));
            if (holder != null && !holder.equals(selfId)) {
                throw new WriteError("DUPLICATE_VALUE", "duplicate value found: " + f.name()
                        + " duplicates value on record with id: " + holder, List.of(f.name())).toException();
            }
        }
    }

    private void index(ObjectDef def, Map<String, Object> record) {
        for (FieldDef f : def.externalIdFields()) {
            Object value = record.get(f.name());
            if (value != null) {
                externalIdIndex(def, f).put(value.toString().toLowerCase(Locale.ROOT), record.get("Id").toString());
            }
        }
    }

    private void unindex(ObjectDef def, Map<String, Object> record) {
        for (FieldDef f : def.externalIdFields()) {
            Object value = record.get(f.name());
            if (value != null) {
                externalIdIndex(def, f).remove(value.toString().toLowerCase(Locale.ROOT));
            }
        }
    }

    /** Ids whose SystemModstamp falls in [start, end), for getUpdated. */
    public List<String> updatedBetween(ObjectDef def, Instant start, Instant end) {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> r : table(def).values()) {
            Instant stamp = (Instant) r.get("SystemModstamp");
            if (!stamp.isBefore(start) && stamp.isBefore(end)) {
                ids.add(r.get("Id").toString());
            }
        }
        return ids;
    }

    public Map<String, Instant> deletedBetween(ObjectDef def, Instant start, Instant end) {
        return deletions(def).entrySet().stream()
                .filter(e -> !e.getValue().isBefore(start) && e.getValue().isBefore(end))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
