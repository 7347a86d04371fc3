package io.crmsync.associations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Salesforce lookup that is a HubSpot association: {@code Contact.AccountId} is the contact's company. On the
 * pairing, the lookup's last synced value is kept under its field name and the associated HubSpot record under
 * {@link #hubspotKey()}.
 * <p>
 * A polymorphic lookup ({@code WhatId} of a Task or Event: an Account, Opportunity or Case) is several links on one
 * field, one per target, each taking the ids with its target's key prefix ({@code 006} is an Opportunity), listed
 * most specific first. Their HubSpot side is kept as one value under {@code @<field>}: {@code deal:123}.
 */
public record AssociationLink(String object, String sobject, String field, String targetObject, String targetPrefix) {

    /** The lookups crm-sync keeps in sync, as HubSpot's connector associates records. */
    public static final List<AssociationLink> ALL = all();

    public AssociationLink(String object, String sobject, String field, String targetObject) {
        this(object, sobject, field, targetObject, null);
    }

    private static List<AssociationLink> all() {
        List<AssociationLink> links = new ArrayList<>(List.of(
                new AssociationLink("contact", "Contact", "AccountId", "company"),
                new AssociationLink("deal", "Opportunity", "AccountId", "company"),
                new AssociationLink("ticket", "Case", "AccountId", "company"),
                new AssociationLink("ticket", "Case", "ContactId", "contact")));
        // An activity's WhoId is its contact (a Contact or a Lead, both HubSpot contacts); its WhatId the deal, ticket
        // or company it is about. The order is the preference when HubSpot has several and WhatId must pick one.
        for (String[] activity : new String[][] { { "task", "Task" }, { "meeting", "Event" },
                { "call", "Task" } }) {
            links.add(new AssociationLink(activity[0], activity[1], "WhoId", "contact"));
            links.add(new AssociationLink(activity[0], activity[1], "WhatId", "deal", "006"));
            links.add(new AssociationLink(activity[0], activity[1], "WhatId", "ticket", "500"));
            links.add(new AssociationLink(activity[0], activity[1], "WhatId", "company", "001"));
        }
        return List.copyOf(links);
    }

    public static List<AssociationLink> of(String object, String sobject) {
        return ALL.stream().filter(l -> l.object.equals(object) && l.sobject.equals(sobject)).toList();
    }

    public static List<AssociationLink> of(String object) {
        return ALL.stream().filter(l -> l.object.equals(object)).toList();
    }

    /** The links of one record type grouped by lookup field: one link, or a polymorphic lookup's several. */
    static List<List<AssociationLink>> byField(String object, String sobject) {
        Map<String, List<AssociationLink>> groups = new LinkedHashMap<>();
        of(object, sobject).forEach(l -> groups.computeIfAbsent(l.field, k -> new ArrayList<>()).add(l));
        return List.copyOf(groups.values());
    }

    /** The Salesforce fields to read for {@code sobject} so its associations can be compared. */
    public static List<String> fieldsFor(String sobject) {
        return ALL.stream().filter(l -> l.sobject.equals(sobject)).map(AssociationLink::field).distinct().toList();
    }

    public boolean polymorphic() {
        return targetPrefix != null;
    }

    /** Whether a lookup value points at this link's target (always, unless the lookup is polymorphic). */
    public boolean accepts(String salesforceId) {
        return targetPrefix == null || salesforceId != null && salesforceId.startsWith(targetPrefix);
    }

    public String hubspotKey() {
        return polymorphic() ? "@" + field : "@" + targetObject;
    }
}
