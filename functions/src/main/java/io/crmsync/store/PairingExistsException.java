package io.crmsync.store;

/** The HubSpot record, or the Salesforce record, is already paired: each record has at most one partner. */
public class PairingExistsException extends RuntimeException {

    private final CrmSide side;

    public PairingExistsException(String objectType, CrmSide side, String id) {
        super("The " + side + " " + objectType + " record " + id + " is already paired");
        this.side = side;
    }

    /** Which side's record was already taken. */
    public CrmSide side() {
        return side;
    }
}
