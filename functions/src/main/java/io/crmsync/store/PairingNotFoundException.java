package io.crmsync.store;

/** The pairing to update no longer exists (deleted or re-paired by another worker). */
public class PairingNotFoundException extends RuntimeException {

    public PairingNotFoundException(String objectType, String hubspotId) {
        super("No pairing for HubSpot " + objectType + " " + hubspotId);
    }
}
