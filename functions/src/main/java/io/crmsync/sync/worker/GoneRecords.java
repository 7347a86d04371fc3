package io.crmsync.sync.worker;

import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.settings.ContactDeletion;
import io.crmsync.settings.ContactDeletion.WhenDeletedInSalesforce;
import io.crmsync.store.Pairing;
import io.crmsync.store.PairingNotFoundException;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.StaleVersionException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Ends the pairings whose record is gone from one side. A HubSpot contact whose Salesforce record getDeleted reported
 * is archived first when the contact-deletion setting asks for it. Only getDeleted's word counts: a record can also
 * be missing from a read because the integration user lost access to it, and that must not delete anything.
 */
@ApplicationScoped
public class GoneRecords {

    public static final String SALESFORCE = "Salesforce";
    public static final String HUBSPOT = "HubSpot";

    private static final Logger LOG = Logger.getLogger(GoneRecords.class);

    private final PairingRepository pairings;
    private final HubSpotClient hubspot;
    private final ContactDeletion contactDeletion;

    GoneRecords(PairingRepository pairings, HubSpotClient hubspot, ContactDeletion contactDeletion) {
        this.pairings = pairings;
        this.hubspot = hubspot;
        this.contactDeletion = contactDeletion;
    }

    /**
     * @param goneFrom each pairing and the side ({@link #SALESFORCE} or {@link #HUBSPOT}) its record is missing from
     * @param reportedDeleted whether getDeleted reported these Salesforce records (a DELETE batch)
     * @return how many pairings were ended
     */
    public int endPairings(String object, Map<Pairing, String> goneFrom, boolean reportedDeleted) {
        boolean archive = reportedDeleted && "contact".equals(object)
                && contactDeletion.whenDeletedInSalesforce() == WhenDeletedInSalesforce.ARCHIVE_IN_HUBSPOT;
        List<String> toArchive = goneFrom.entrySet().stream().filter(e -> archive && SALESFORCE.equals(e.getValue()))
                .map(e -> e.getKey().hubspotId()).toList();
        if (!toArchive.isEmpty()) {
            // Before the pairings end: if archiving fails the batch is retried with its pairings intact.
            hubspot.batchArchive(object, toArchive);
            LOG.infof("Archived %d HubSpot %s record(s) whose Salesforce record was deleted", toArchive.size(), object);
        }
        int ended = 0;
        for (Map.Entry<Pairing, String> e : goneFrom.entrySet()) {
            ended += forget(e.getKey(), e.getValue());
        }
        return ended;
    }

    private int forget(Pairing p, String goneFrom) {
        try {
            pairings.delete(p);
            LOG.infof("%s %s deleted in %s: pairing with Salesforce %s removed", p.objectType(), p.hubspotId(),
                    goneFrom, p.salesforceId());
            return 1;
        } catch (StaleVersionException | PairingNotFoundException e) {
            return 0;
        }
    }
}
