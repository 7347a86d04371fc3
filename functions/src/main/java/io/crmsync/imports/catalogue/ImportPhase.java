package io.crmsync.imports.catalogue;

import java.util.List;
import java.util.function.Function;

import io.crmsync.salesforce.model.SObject;
import io.crmsync.salesforce.soql.Condition;
import io.crmsync.store.SalesforceType;

/**
 * One Salesforce object read into one HubSpot object: which fields to select, which HubSpot object type and unique
 * property to upsert by (so a retried chunk updates instead of duplicating), and how a record maps.
 *
 * @param pairingType the object type pairings are stored under ("contact", "company", ...)
 * @param associations Salesforce reference fields whose paired HubSpot records the new record is associated with
 * @param subset the records of {@code sobject} this phase reads (Tasks logged as calls, or the others), or null
 */
public record ImportPhase(String sobject, List<String> fields, String hubspotObjectType, String pairingType,
        SalesforceType salesforceType, String idProperty, Function<SObject, MappedRecord> mapper,
        List<Association> associations, Condition subset) {

    public ImportPhase {
        fields = List.copyOf(fields);
        associations = List.copyOf(associations);
    }

    public ImportPhase(String sobject, List<String> fields, String hubspotObjectType, String pairingType,
            SalesforceType salesforceType, String idProperty, Function<SObject, MappedRecord> mapper,
            List<Association> associations) {
        this(sobject, fields, hubspotObjectType, pairingType, salesforceType, idProperty, mapper, associations, null);
    }

    /** The same phase reading only the records {@code condition} selects. */
    public ImportPhase only(Condition condition) {
        return new ImportPhase(sobject, fields, hubspotObjectType, pairingType, salesforceType, idProperty, mapper,
                associations, condition);
    }

    /** A Salesforce reference field pointing at a record of {@code pairingType} in HubSpot object {@code toObjectType}. */
    public record Association(String field, String pairingType, String toObjectType) {
    }

    /** Whether records of this phase are contacts written with only their email (leads and contacts). */
    public boolean emailOnly() {
        return pairingType.equals("contact") && idProperty.equals("email");
    }
}
