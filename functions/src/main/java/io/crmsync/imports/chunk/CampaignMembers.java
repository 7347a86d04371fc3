package io.crmsync.imports.chunk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.salesforce.model.SObject;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Gives campaign members what the contact mapping needs: the email of the member's lead or contact and the campaign
 * name. Read with one Collections retrieve per object (up to 2,000 Ids each), because the SOQL builder only selects
 * the object's own fields.
 */
@ApplicationScoped
public class CampaignMembers {

    private final SalesforceClient salesforce;

    CampaignMembers(SalesforceClient salesforce) {
        this.salesforce = salesforce;
    }

    public List<SObject> withEmails(List<SObject> members, String campaignName) {
        Map<String, String> emails = new HashMap<>();
        // A member that is a contact is imported as that contact; its lead Id (if any) needs no lookup.
        emails.putAll(emails("Lead", members.stream().filter(m -> m.getString("ContactId") == null)
                .map(m -> m.getString("LeadId")).filter(id -> id != null).toList()));
        emails.putAll(emails("Contact", members.stream().map(m -> m.getString("ContactId"))
                .filter(id -> id != null).toList()));
        List<SObject> out = new ArrayList<>();
        for (SObject member : members) {
            String person = member.getString("ContactId") != null ? member.getString("ContactId")
                    : member.getString("LeadId");
            Map<String, Object> fields = new LinkedHashMap<>(member.fields());
            fields.put("Email", person == null ? null : emails.get(person));
            fields.put("CampaignName", campaignName);
            out.add(new SObject(member.type(), member.id(), fields));
        }
        return out;
    }

    private Map<String, String> emails(String sobject, List<String> ids) {
        Map<String, String> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        List<String> distinct = ids.stream().distinct().toList();
        List<Optional<SObject>> found = salesforce.retrieve(sobject, distinct, List.of("Id", "Email"));
        found.forEach(r -> r.ifPresent(o -> out.put(o.id(), o.getString("Email"))));
        return out;
    }
}
