package io.crmsync.imports.chunk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.model.AssociationPair;
import io.crmsync.hubspot.model.BatchError;
import io.crmsync.imports.catalogue.ImportPhase;
import io.crmsync.salesforce.model.SObject;
import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Associates imported records with the HubSpot records their Salesforce references are paired with: a deal with
 * its account's company, a task or meeting with its contact and its company/deal/ticket. References to records that
 * were never imported have no pairing and are left out (HubSpot's "Waiting for account to sync").
 */
@ApplicationScoped
public class RecordAssociations {

    private static final Logger LOG = Logger.getLogger(RecordAssociations.class);

    private final PairingRepository pairings;
    private final HubSpotClient hubspot;

    RecordAssociations(PairingRepository pairings, HubSpotClient hubspot) {
        this.pairings = pairings;
        this.hubspot = hubspot;
    }

    /** @return the number of associations made */
    public int associate(ImportPhase phase, List<SObject> records, List<Written> written) {
        if (phase.associations().isEmpty() || written.isEmpty()) {
            return 0;
        }
        Map<String, SObject> byId = new HashMap<>();
        records.forEach(r -> byId.put(r.id(), r));
        int made = 0;
        for (ImportPhase.Association association : phase.associations()) {
            Map<String, String> referenced = new HashMap<>();
            for (Written w : written) {
                String target = byId.get(w.salesforceId()).getString(association.field());
                if (target != null) {
                    referenced.put(w.hubspotId(), target);
                }
            }
            if (referenced.isEmpty()) {
                continue;
            }
            Map<String, Pairing> targets = pairings.findBySalesforceIds(association.pairingType(), referenced.values());
            List<AssociationPair> pairs = new ArrayList<>();
            referenced.forEach((from, target) -> {
                Pairing to = targets.get(target);
                if (to != null) {
                    pairs.add(new AssociationPair(from, to.hubspotId()));
                }
            });
            if (pairs.isEmpty()) {
                continue;
            }
            List<BatchError> errors = hubspot.associations().associateDefault(phase.hubspotObjectType(),
                    association.toObjectType(), pairs);
            errors.forEach(e -> LOG.warnf("Association %s -> %s refused for %s: %s", phase.hubspotObjectType(),
                    association.toObjectType(), e.ids(), e.message()));
            made += pairs.size() - errors.stream().mapToInt(e -> Math.max(1, e.ids().size())).sum();
        }
        return made;
    }
}
