package io.crmsync.settings;

import java.util.Collection;

/** A HubSpot object type crm-sync has no Salesforce pairing for. */
public class UnknownObjectException extends RuntimeException {

    private final String object;

    public UnknownObjectException(String object, Collection<String> known) {
        super("No object pair for '" + object + "'. Known objects: " + known + ".");
        this.object = object;
    }

    public String object() {
        return object;
    }
}
