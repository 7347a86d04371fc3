package io.crmsync.records;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.model.CrmObject;
import io.crmsync.hubspot.model.SearchRequest;
import io.crmsync.hubspot.model.SearchRequest.Filter;
import io.crmsync.hubspot.model.SearchRequest.FilterGroup;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.salesforce.model.SObject;
import io.crmsync.salesforce.soql.Condition;
import io.crmsync.salesforce.soql.Soql;
import io.crmsync.settings.FieldMapping;
import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import io.crmsync.sync.worker.MappedObject;
import io.crmsync.sync.worker.MappedObjects;
import io.crmsync.usage.UsageRecorder;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Finds records by email or either side's id and reads them as they are now in both CRMs, next to what the pairing
 * last synced: the console's record page. Reads only; a record is synced through the resync route. Costs one HubSpot
 * read and one Salesforce retrieve per record shown; an email search costs one HubSpot search and one Salesforce
 * query per Salesforce object of the pair.
 */
@ApplicationScoped
public class RecordLookup {

    /** More records than this sharing one email is a data problem to fix in the CRM, not a list to page through. */
    static final int MAX_MATCHES = 20;

    private final MappedObjects schemas;
    private final PairingRepository pairings;
    private final HubSpotClient hubspot;
    private final SalesforceClient salesforce;
    private final UsageRecorder usage;

    RecordLookup(MappedObjects schemas, PairingRepository pairings, HubSpotClient hubspot, SalesforceClient salesforce,
            UsageRecorder usage) {
        this.schemas = schemas;
        this.pairings = pairings;
        this.hubspot = hubspot;
        this.salesforce = salesforce;
        this.usage = usage;
    }

    /** Records of {@code object} whose email is {@code email} on either side, paired ones once. */
    public List<RecordView.Match> byEmail(String object, String email) {
        try {
            MappedObject schema = schemas.forObject(object);
            FieldMapping emailMapping = schema.mappings().stream()
                    .filter(m -> m.salesforceField().equalsIgnoreCase("Email")).findFirst()
                    .orElseThrow(() -> new UnsupportedSearchException(object + " records have no email mapping: search "
                            + "them by HubSpot or Salesforce id."));
            Map<String, RecordView.Match> matches = new LinkedHashMap<>();
            SearchRequest search = new SearchRequest(List.of(FilterGroup.of(Filter.of(emailMapping.hubspotProperty(),
                    "EQ", email))), List.of(), List.of(emailMapping.hubspotProperty()), MAX_MATCHES, null);
            for (CrmObject found : hubspot.search(object, search).results()) {
                add(matches, schema, pairings.findByHubspotId(object, found.id()), found.id(), null, null);
            }
            for (String sobject : schema.pair().salesforceObjects()) {
                var field = schema.describes().get(sobject).field("Email");
                if (field.isEmpty()) {
                    continue;
                }
                List<SObject> rows = salesforce.query(Soql.select("Id").from(sobject)
                        .where(Condition.eq(field.get().name(), email)).limit(MAX_MATCHES));
                for (SObject row : rows) {
                    String id = row.getString("Id");
                    add(matches, schema, pairings.findBySalesforceId(object, id), null, id, sobject);
                }
            }
            return List.copyOf(matches.values());
        } finally {
            usage.flush();
        }
    }

    /** The record with this id (digits: HubSpot; otherwise Salesforce), with its partner if paired. */
    public RecordView byId(String object, String id, boolean hubspotSide) {
        try {
            MappedObject schema = schemas.forObject(object);
            Optional<Pairing> pairing = hubspotSide ? pairings.findByHubspotId(object, id)
                    : pairings.findBySalesforceId(object, id);
            String hubspotId = pairing.map(Pairing::hubspotId).orElse(hubspotSide ? id : null);
            String salesforceId = pairing.map(Pairing::salesforceId).orElse(hubspotSide ? null : id);
            String sobject = pairing.map(p -> schema.sobject(p.salesforceType()))
                    .orElseGet(() -> salesforceId == null ? null : schema.sobjectOfId(salesforceId).orElse(null));
            Optional<CrmObject> hs = hubspotId == null ? Optional.empty()
                    : hubspot.batchRead(object, List.of(hubspotId), schema.hubspotProperties(), Optional.empty())
                            .results().stream().filter(o -> !o.archived()).findFirst();
            Optional<SObject> sf = sobject == null ? Optional.empty()
                    : salesforce.retrieve(sobject, List.of(salesforceId), schema.salesforceFields(sobject)).get(0);
            if (hubspotSide ? hs.isEmpty() : sf.isEmpty()) {
                throw new RecordNotFoundException((hubspotSide ? "HubSpot has no " + object + " " : "Salesforce has no "
                        + schema.pair().salesforceObjects() + " record ") + id + ".");
            }
            return view(schema, object, hubspotId, salesforceId, sobject, pairing, hs, sf);
        } finally {
            usage.flush();
        }
    }

    private static RecordView view(MappedObject schema, String object, String hubspotId, String salesforceId,
            String sobject, Optional<Pairing> pairing, Optional<CrmObject> hs, Optional<SObject> sf) {
        List<RecordView.FieldRow> rows = new ArrayList<>();
        List<FieldMapping> mappings = sobject == null ? schema.mappings() : schema.mappingsFor(sobject);
        for (FieldMapping m : mappings) {
            String sfName = sobject == null ? m.salesforceField() : schema.fieldName(sobject, m.salesforceField());
            rows.add(new RecordView.FieldRow(m.hubspotProperty(), sfName, m.rule().name(),
                    hs.map(o -> o.property(m.hubspotProperty())).orElse(null),
                    sf.map(o -> o.get(sfName)).map(String::valueOf).orElse(null),
                    pairing.map(p -> p.hubspotValues().get(m.hubspotProperty())).orElse(null),
                    pairing.map(p -> p.salesforceValues().get(sfName)).orElse(null)));
        }
        return new RecordView(object, hs.map(CrmObject::id).orElse(hubspotId), salesforceId, sobject,
                pairing.isPresent(), pairing.map(Pairing::lastSyncedAt).orElse(null), rows,
                pairing.map(Pairing::history).orElse(List.of()));
    }

    private static void add(Map<String, RecordView.Match> matches, MappedObject schema, Optional<Pairing> pairing,
            String hubspotId, String salesforceId, String sobject) {
        RecordView.Match match = pairing.map(p -> new RecordView.Match(p.objectType(), p.hubspotId(), p.salesforceId(),
                schema.sobject(p.salesforceType()), true))
                .orElseGet(() -> new RecordView.Match(schema.object(), hubspotId, salesforceId, sobject, false));
        matches.putIfAbsent(match.hubspotId() + "/" + match.salesforceId(), match);
    }
}
