package io.crmsync.sync.worker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.model.BatchError;
import io.crmsync.hubspot.model.BatchResult;
import io.crmsync.hubspot.model.CrmObject;
import io.crmsync.hubspot.model.ObjectInput;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.salesforce.model.SObject;
import io.crmsync.salesforce.model.SaveResult;
import io.crmsync.settings.ContactCreation;
import io.crmsync.settings.FieldMapping;
import io.crmsync.store.Pairing;
import io.crmsync.store.PairingExistsException;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.SyncErrorRepository;
import io.crmsync.sync.rules.ValueCodec;
import io.crmsync.matching.CompanyMatcher;
import io.crmsync.matching.PersonMatcher;
import io.crmsync.sync.translate.Translated;
import io.crmsync.limits.CallsAtOnce;
import io.crmsync.sync.SyncConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Pairs records that have no partner yet. A Salesforce record finds its HubSpot contact by email (HubSpot allows one
 * per email) or creates one, whatever the inclusion segment says, as HubSpot documents; other objects create. A
 * HubSpot record inside the segment creates its Salesforce partner (a Lead or Contact per the contact-creation
 * setting). New pairings start empty, so the caller's sync of them is an initial sync.
 */
@ApplicationScoped
public class NewRecordPairer {

    private static final Logger LOG = Logger.getLogger(NewRecordPairer.class);
    /** The unique HubSpot property holding a record's Salesforce id; the import upserts by it too. */
    public static final String SALESFORCE_ID = "salesforce_id";
    /** The Salesforce external id field holding a record's HubSpot id. */
    public static final String HUBSPOT_ID_FIELD = "HubSpot_Id__c";

    private final HubSpotClient hubspot;
    private final SalesforceClient salesforce;
    private final PairingRepository pairings;
    private final ContactCreation contactCreation;
    private final SyncErrorRepository errors;
    private final CompanyMatcher companies;
    private final PersonMatcher people;
    private final CallsAtOnce reads;

    NewRecordPairer(HubSpotClient hubspot, SalesforceClient salesforce, PairingRepository pairings,
            ContactCreation contactCreation, SyncErrorRepository errors, CompanyMatcher companies,
            PersonMatcher people, SyncConfig config) {
        this.reads = new CallsAtOnce("new-record-reads", config.parallelReads());
        this.companies = companies;
        this.people = people;
        this.hubspot = hubspot;
        this.salesforce = salesforce;
        this.pairings = pairings;
        this.contactCreation = contactCreation;
        this.errors = errors;
    }

    @PreDestroy
    void stop() {
        reads.close();
    }

    /** @return new pairings for Salesforce records, each found or created in HubSpot */
    public List<Pairing> pairSalesforceRecords(MappedObject schema, List<String> salesforceIds, Instant now) {
        List<Pairing> created = new ArrayList<>();
        Map<String, List<String>> byType = new LinkedHashMap<>();
        salesforceIds.forEach(id -> schema.sobjectOfId(id).ifPresent(s -> byType.computeIfAbsent(s, k -> new ArrayList<>()).add(id)));
        // Each type's retrieve (a contact batch's Leads and Contacts) at once: they do not depend on each other.
        List<String> types = List.copyOf(byType.keySet());
        List<List<Optional<SObject>>> retrieved = reads.all(types.stream()
                .<Supplier<List<Optional<SObject>>>>map(sobject -> () -> salesforce.retrieve(sobject, byType.get(sobject),
                        schema.salesforceFields(sobject))).toList());
        for (int t = 0; t < types.size(); t++) {
            String sobject = types.get(t);
            // A Task logged as a call is a HubSpot call, not a task (and the other way round): not this pair's to create.
            List<SObject> records = retrieved.get(t).stream().flatMap(Optional::stream)
                    .filter(r -> schema.includes(sobject, r::get)).toList();
            boolean contacts = schema.object().equals("contact");
            Map<String, String> existingByEmail = new LinkedHashMap<>();
            if (contacts) {
                List<String> emails = records.stream().map(r -> r.getString("Email")).filter(e -> e != null && !e.isBlank())
                        .distinct().toList();
                if (!emails.isEmpty()) {
                    hubspot.batchRead("contact", emails, List.of("email"), Optional.of("email")).results()
                            .forEach(o -> existingByEmail.put(lower(o.property("email")), o.id()));
                }
            }
            // A new Account whose domain HubSpot already has pairs with that company instead of making a second.
            Map<String, String> matchedCompanies = schema.object().equals("company") ? companies.companiesFor(records)
                    : Map.of();
            List<SObject> toCreate = new ArrayList<>();
            for (SObject r : records) {
                if (matchedCompanies.containsKey(r.id())) {
                    pair(schema, matchedCompanies.get(r.id()), r.id(), sobject).ifPresent(created::add);
                    continue;
                }
                String email = lower(r.getString("Email"));
                if (contacts && email == null) {
                    LOG.debugf("Salesforce %s %s has no email: HubSpot contacts are matched by email, skipped", sobject, r.id());
                } else if (contacts && existingByEmail.containsKey(email)) {
                    pair(schema, existingByEmail.get(email), r.id(), sobject).ifPresent(created::add);
                } else {
                    toCreate.add(r);
                }
            }
            createInHubSpot(schema, sobject, toCreate, now).forEach((sfId, hsId) ->
                    pair(schema, hsId, sfId, sobject).ifPresent(created::add));
        }
        return created;
    }

    /** @return new pairings for HubSpot records, each created in Salesforce; failures become sync errors */
    public List<Pairing> pairHubSpotRecords(MappedObject schema, List<CrmObject> records, Instant now) {
        String sobject = schema.object().equals("contact") ? schema.sobject(contactCreation.createAs())
                : schema.pair().primarySalesforceObject();
        List<CrmObject> eligible = records.stream()
                .filter(r -> !schema.object().equals("contact") || r.property("email") != null && !r.property("email").isBlank())
                .toList();
        List<Pairing> created = new ArrayList<>();
        // A new company whose Account exists (same domain, else same name) pairs with it instead of making a second.
        Map<String, String> matchedAccounts = schema.object().equals("company") ? companies.accountsFor(eligible)
                : Map.of();
        matchedAccounts.forEach((hsId, sfId) -> pair(schema, hsId, sfId, sobject).ifPresent(created::add));
        // A new contact whose email Salesforce already has (a Contact, or a Lead not converted) pairs with that record.
        Map<String, PersonMatcher.Match> matchedPeople = schema.object().equals("contact")
                ? people.forContacts(eligible) : Map.of();
        matchedPeople.forEach((hsId, match) -> pair(schema, hsId, match.salesforceId(), match.sobject())
                .ifPresent(created::add));
        List<SObject> inputs = new ArrayList<>();
        List<CrmObject> creating = new ArrayList<>();
        for (CrmObject r : eligible) {
            if (matchedAccounts.containsKey(r.id()) || matchedPeople.containsKey(r.id())) {
                continue;
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            schema.subset(sobject).ifPresent(s -> fields.putAll(s.creationFields()));
            List<String> problems = new ArrayList<>();
            for (FieldMapping m : schema.mappingsFor(sobject)) {
                String type = schema.fieldType(sobject, m.salesforceField());
                String value = ValueCodec.normalize(r.property(m.hubspotProperty()), type);
                if (m.rule().writesSalesforce() && value != null && !schema.isFormula(sobject, m.salesforceField())) {
                    Translated translated = schema.translation(m.hubspotProperty()).salesforceSide(value);
                    if (translated.ok()) {
                        fields.put(schema.fieldName(sobject, m.salesforceField()),
                                ValueCodec.toSalesforce(translated.value(), type));
                    } else {
                        problems.add(translated.problem());
                    }
                }
            }
            if (!problems.isEmpty()) {
                // Creating it without the value could break a required or restricted field: nothing is written.
                errors.record(schema.object(), r.id(), null, ErrorCategory.PROPERTY_VALUE.name(),
                        "The Salesforce " + sobject + " was not created. " + String.join(" ", problems), now);
                continue;
            }
            creating.add(r);
            inputs.add(SObject.of(sobject, fields));
        }
        if (inputs.isEmpty()) {
            return created;
        }
        List<SaveResult> results = createInSalesforce(schema, sobject, creating, inputs);
        for (int i = 0; i < creating.size(); i++) {
            SaveResult result = results.get(i);
            String hsId = creating.get(i).id();
            if (result.success()) {
                pair(schema, hsId, result.id(), sobject).ifPresent(created::add);
            } else {
                SaveResult.SaveError e = result.errors().isEmpty() ? null : result.errors().get(0);
                String code = e == null ? "UNKNOWN" : e.statusCode();
                errors.record(schema.object(), hsId, null, ErrorCategory.ofSalesforce(code).name(),
                        "Creating the Salesforce " + sobject + " failed: " + (e == null ? code : e.describe()), now);
            }
        }
        return created;
    }

    /**
     * Creates the Salesforce partners idempotently: an upsert keyed by the HubSpot id in the external id field
     * {@value #HUBSPOT_ID_FIELD}, so a create whose answer was lost, a redelivered batch or two batches holding the same
     * record (a poll and a retry) find the record the first one made instead of making another. An object without
     * that field gets plain creates, which cannot be made safe to repeat; a warning says so.
     */
    private List<SaveResult> createInSalesforce(MappedObject schema, String sobject, List<CrmObject> records,
            List<SObject> inputs) {
        var describe = schema.describes().get(sobject);
        boolean keyed = describe != null && describe.field(HUBSPOT_ID_FIELD).filter(f -> f.externalId()).isPresent();
        if (!keyed) {
            LOG.warnf("Salesforce %s has no external id field %s: records created from HubSpot may be created twice"
                    + " if an answer is lost. Add the field (Text(64), External ID, Unique) to make creates safe to"
                    + " repeat.", sobject, HUBSPOT_ID_FIELD);
            return salesforce.create(inputs);
        }
        String field = describe.field(HUBSPOT_ID_FIELD).get().name();
        List<SObject> keyedInputs = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Map<String, Object> fields = new LinkedHashMap<>(inputs.get(i).fields());
            fields.put(field, records.get(i).id());
            keyedInputs.add(SObject.of(sobject, fields));
        }
        List<SaveResult> results = salesforce.upsert(sobject, field, keyedInputs);
        return schema.subset(sobject).map(s -> againWithoutInsertOnly(sobject, field, s.field(), keyedInputs,
                results)).orElse(results);
    }

    /**
     * A repeated create of a call (an answer lost, a batch redelivered) finds the Task the first one made, and the
     * upsert then updates it: Salesforce refuses {@code TaskSubtype} on an update (it is set on insert only). The
     * Task already has it, so those records are upserted once more without it.
     */
    private List<SaveResult> againWithoutInsertOnly(String sobject, String key, String insertOnly,
            List<SObject> inputs, List<SaveResult> results) {
        List<Integer> refused = new ArrayList<>();
        for (int i = 0; i < results.size() && i < inputs.size(); i++) {
            if (!results.get(i).success() && results.get(i).errors().stream().anyMatch(e ->
                    "INVALID_FIELD_FOR_INSERT_UPDATE".equals(e.statusCode()) && e.fields().contains(insertOnly))) {
                refused.add(i);
            }
        }
        if (refused.isEmpty()) {
            return results;
        }
        List<SObject> again = refused.stream().map(i -> {
            Map<String, Object> fields = new LinkedHashMap<>(inputs.get(i).fields());
            fields.remove(insertOnly);
            return SObject.of(sobject, fields);
        }).toList();
        List<SaveResult> second = salesforce.upsert(sobject, key, again);
        List<SaveResult> merged = new ArrayList<>(results);
        for (int j = 0; j < refused.size() && j < second.size(); j++) {
            merged.set(refused.get(j), second.get(j));
        }
        return merged;
    }

    private Map<String, String> createInHubSpot(MappedObject schema, String sobject, List<SObject> records,
            Instant now) {
        Map<String, String> hubspotIdBySalesforceId = new LinkedHashMap<>();
        if (records.isEmpty()) {
            return hubspotIdBySalesforceId;
        }
        List<ObjectInput> inputs = new ArrayList<>();
        for (SObject r : records) {
            Map<String, String> props = new LinkedHashMap<>();
            for (FieldMapping m : schema.mappingsFor(sobject)) {
                String value = ValueCodec.normalize(r.get(schema.fieldName(sobject, m.salesforceField())),
                        schema.fieldType(sobject, m.salesforceField()));
                Translated translated = schema.translation(m.hubspotProperty()).hubspotSide(value);
                // An untranslatable value is left out; the first sync of the new pairing reports it in Sync Health.
                if (m.rule().writesHubSpot() && translated.ok() && translated.value() != null) {
                    props.put(m.hubspotProperty(), translated.value());
                }
            }
            if (!schema.object().equals("contact")) {
                props.put(SALESFORCE_ID, r.id());
            }
            CreationDefaults.forObject(schema.object(), props, now).forEach(props::putIfAbsent);
            inputs.add(new ObjectInput(props, "sf-" + r.id()));
        }
        BatchResult<CrmObject> answer = hubspot.batchCreate(schema.object(), inputs);
        // HubSpot does not promise result order: every created record is matched back by its unique key, never by
        // position (one refused input would shift every later pairing onto the wrong record).
        String key = matchKey(schema);
        Map<String, String> idByKey = new LinkedHashMap<>();
        answer.results().forEach(o -> idByKey.put(lower(o.property(key)), o.id()));
        List<String> missing = records.stream().map(r -> keyOf(schema, r)).filter(k -> k != null && !idByKey.containsKey(k))
                .toList();
        if (!missing.isEmpty()) {
            // Refused as taken: a create whose answer was lost, or another worker's, made it. Find it by its key.
            hubspot.batchRead(schema.object(), missing, List.of(key), Optional.of(key)).results().stream()
                    .filter(o -> !o.archived()).forEach(o -> idByKey.put(lower(o.property(key)), o.id()));
        }
        for (SObject r : records) {
            String hsId = idByKey.get(keyOf(schema, r));
            if (hsId != null) {
                hubspotIdBySalesforceId.put(r.id(), hsId);
            } else {
                recordRefusal(schema, sobject, r, answer.errors(), now);
            }
        }
        return hubspotIdBySalesforceId;
    }

    /** Contacts are unique by email; other objects carry the Salesforce id in the unique {@value #SALESFORCE_ID}. */
    private static String matchKey(MappedObject schema) {
        return schema.object().equals("contact") ? "email" : SALESFORCE_ID;
    }

    private static String keyOf(MappedObject schema, SObject r) {
        return schema.object().equals("contact") ? lower(r.getString("Email")) : lower(r.id());
    }

    private void recordRefusal(MappedObject schema, String sobject, SObject r, List<BatchError> batchErrors,
            Instant now) {
        String trace = "sf-" + r.id();
        BatchError error = batchErrors.stream().filter(e -> e.context().getOrDefault("objectWriteTraceId", List.of())
                .contains(trace)).findFirst().orElse(batchErrors.size() == 1 ? batchErrors.get(0) : null);
        String category = error == null ? "UNKNOWN" : error.category();
        String message = error == null ? "HubSpot did not create it and gave no reason" : error.message();
        errors.record(schema.object(), null, r.id(), ErrorCategory.ofHubSpot(category, message).name(),
                "Creating the HubSpot " + schema.object() + " for Salesforce " + sobject + " " + r.id() + " failed: "
                        + message, now);
    }

    private Optional<Pairing> pair(MappedObject schema, String hubspotId, String salesforceId, String sobject) {
        try {
            return Optional.of(pairings.create(Pairing.of(schema.object(), hubspotId, salesforceId,
                    MappedObject.typeOf(sobject))));
        } catch (PairingExistsException e) {
            // Another worker paired one of them first; its sync covers the record.
            return Optional.empty();
        }
    }

    private static String lower(String s) {
        return s == null || s.isBlank() ? null : s.toLowerCase(java.util.Locale.ROOT);
    }
}
