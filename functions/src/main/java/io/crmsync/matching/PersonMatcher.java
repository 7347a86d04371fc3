package io.crmsync.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.crmsync.hubspot.model.CrmObject;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.salesforce.model.SObject;
import io.crmsync.salesforce.soql.Condition;
import io.crmsync.salesforce.soql.Soql;
import io.crmsync.store.PairingRepository;
import io.crmsync.sync.rules.ValueCodec;
import io.crmsync.limits.CallsAtOnce;
import io.crmsync.sync.SyncConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Finds the Salesforce person a new HubSpot contact already is, before one is created: an unpaired Contact or an
 * unconverted Lead with the same email (Salesforce compares emails without regard to case). Salesforce allows several
 * records per email; as HubSpot's connector does, the most recently modified one is chosen. Two queries (Contact,
 * Lead) per 100 contacts, sent at once: they do not depend on each other, and a query page takes about a second.
 */
@ApplicationScoped
public class PersonMatcher {

    private static final int CHUNK = 100;

    /** The Salesforce record a contact matched. */
    public record Match(String salesforceId, String sobject) {
    }

    private final SalesforceClient salesforce;
    private final PairingRepository pairings;

    private final CallsAtOnce queries;

    PersonMatcher(SalesforceClient salesforce, PairingRepository pairings, SyncConfig config) {
        this.salesforce = salesforce;
        this.pairings = pairings;
        this.queries = new CallsAtOnce("person-match-queries", config.parallelReads());
    }

    @PreDestroy
    void stop() {
        queries.close();
    }

    /** @return the match of each HubSpot contact that has one, by HubSpot id */
    public Map<String, Match> forContacts(List<CrmObject> contacts) {
        Map<String, Match> out = new LinkedHashMap<>();
        for (int i = 0; i < contacts.size(); i += CHUNK) {
            List<CrmObject> chunk = contacts.subList(i, Math.min(contacts.size(), i + CHUNK));
            List<String> emails = chunk.stream().map(c -> lower(c.property("email"))).filter(e -> e != null)
                    .distinct().toList();
            if (emails.isEmpty()) {
                continue;
            }
            var found = queries.both(
                    () -> salesforce.query(Soql.select("Id", "Email", "LastModifiedDate").from("Contact")
                            .where(Condition.in("Email", emails))),
                    () -> salesforce.query(Soql.select("Id", "Email", "LastModifiedDate").from("Lead")
                            .where(Condition.and(Condition.in("Email", emails), Condition.ne("IsConverted", true)))));
            List<SObject> people = new ArrayList<>(found.first());
            people.addAll(found.second());
            Set<String> taken = pairings.findBySalesforceIds("contact", people.stream().map(SObject::id).toList())
                    .keySet();
            for (CrmObject contact : chunk) {
                String email = lower(contact.property("email"));
                people.stream().filter(p -> !taken.contains(p.id())).filter(p -> email != null
                        && email.equals(lower(p.getString("Email"))))
                        .max((a, b) -> modified(a).compareTo(modified(b)))
                        .ifPresent(p -> out.put(contact.id(), new Match(p.id(), p.id().startsWith("00Q") ? "Lead"
                                : "Contact")));
            }
        }
        return out;
    }

    private static Instant modified(SObject record) {
        String at = record.getString("LastModifiedDate");
        return at == null ? Instant.MIN : ValueCodec.instant(at);
    }

    private static String lower(String s) {
        return s == null || s.isBlank() ? null : s.trim().toLowerCase(Locale.ROOT);
    }
}
