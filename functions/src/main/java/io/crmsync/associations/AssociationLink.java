package io.crmsync.associations;

import java.util.List;

/**
 * A Salesforce lookup that is a HubSpot association: {@code Contact.AccountId} is the contact's company. On the
 * pairing, the lookup's last synced value is kept under its field name and the associated HubSpot record under
 * {@link #hubspotKey()}.
 */
public record AssociationLink(String object, String sobject, String field, String targetObject) {

    /** The lookups crm-sync keeps in sync, as HubSpot's connector associates records. */
    public static final List<AssociationLink> ALL = List.of(
            new AssociationLink("contact", "Contact", "AccountId", "company"),
            new AssociationLink("deal", "Opportunity", "AccountId", "company"),
            new AssociationLink("ticket", "Case", "AccountId", "company"),
            new AssociationLink("ticket", "Case", "ContactId", "contact"));

    public static List<AssociationLink> of(String object, String sobject) {
        return ALL.stream().filter(l -> l.object.equals(object) && l.sobject.equals(sobject)).toList();
    }

    public static List<AssociationLink> of(String object) {
        return ALL.stream().filter(l -> l.object.equals(object)).toList();
    }

    /** The Salesforce fields to read for {@code sobject} so its associations can be compared. */
    public static List<String> fieldsFor(String sobject) {
        return ALL.stream().filter(l -> l.sobject.equals(sobject)).map(AssociationLink::field).distinct().toList();
    }

    public String hubspotKey() {
        return "@" + targetObject;
    }
}
