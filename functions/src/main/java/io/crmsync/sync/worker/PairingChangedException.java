package io.crmsync.sync.worker;

/**
 * The pairing a record's plan was made from was saved by another worker meanwhile: the plan's last synced values are
 * stale, so they were not stored. The record must be planned again from the newer pairing (both sides re-read).
 */
public class PairingChangedException extends RuntimeException {

    private final String hubspotId;

    public PairingChangedException(String objectType, String hubspotId, String detail) {
        super("The " + objectType + " pairing of HubSpot record " + hubspotId + " changed while it was being synced ("
                + detail + "); it is synced again from the newer version");
        this.hubspotId = hubspotId;
    }

    public String hubspotId() {
        return hubspotId;
    }
}
