package io.crmsync.sync.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import io.crmsync.salesforce.model.SObject;
import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.SalesforceType;
import io.crmsync.store.StaleVersionException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A converted lead hands its HubSpot contact to the Contact it became, as HubSpot's connector does: the pairing is
 * re-pointed at {@code ConvertedContactId} (its last synced values cleared, so the next sync is a first sync with the
 * Contact) and the same HubSpot contact follows the new Contact from then on. When that Contact already has its own
 * HubSpot contact, the lead's pairing is left alone: merging HubSpot contacts is the user's call.
 */
@ApplicationScoped
public class LeadConversions {

    /** What must be read of a Lead to see its conversion. */
    public static final List<String> LEAD_FIELDS = List.of("IsConverted", "ConvertedContactId");

    private static final Logger LOG = Logger.getLogger(LeadConversions.class);

    private final PairingRepository pairings;

    LeadConversions(PairingRepository pairings) {
        this.pairings = pairings;
    }

    /** @return the pairings of the batch, converted leads' re-pointed at their Contacts (same list if none) */
    public List<Pairing> follow(List<Pairing> batch, Map<String, SObject> salesforceRecords) {
        List<Pairing> out = null;
        for (int i = 0; i < batch.size(); i++) {
            Pairing p = batch.get(i);
            SObject lead = p.salesforceType() == SalesforceType.LEAD ? salesforceRecords.get(p.salesforceId()) : null;
            String contactId = lead == null ? null : lead.getString("ConvertedContactId");
            if (lead == null || !"true".equals(String.valueOf(lead.get("IsConverted"))) || contactId == null) {
                continue;
            }
            if (pairings.findBySalesforceId(p.objectType(), contactId).isPresent()) {
                LOG.infof("Lead %s converted to Contact %s, which has its own HubSpot contact; %s stays with the lead",
                        p.salesforceId(), contactId, p.hubspotId());
                continue;
            }
            try {
                Pairing repaired = pairings.repair(p, contactId, SalesforceType.CONTACT);
                LOG.infof("Lead %s converted: HubSpot contact %s now follows Contact %s", p.salesforceId(),
                        p.hubspotId(), contactId);
                out = out == null ? new ArrayList<>(batch) : out;
                out.set(i, repaired);
            } catch (StaleVersionException e) {
                // Another worker changed the pairing meanwhile; its redelivery or the next poll re-pairs it.
                LOG.debugf("Pairing of lead %s changed meanwhile; conversion left for the next sync", p.salesforceId());
            }
        }
        return out == null ? batch : out;
    }
}
