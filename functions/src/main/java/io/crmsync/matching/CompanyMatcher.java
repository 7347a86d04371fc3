package io.crmsync.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.model.CrmObject;
import io.crmsync.hubspot.model.SearchRequest;
import io.crmsync.hubspot.model.SearchRequest.Filter;
import io.crmsync.hubspot.model.SearchRequest.FilterGroup;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.salesforce.model.SObject;
import io.crmsync.salesforce.soql.Condition;
import io.crmsync.salesforce.soql.LikePattern;
import io.crmsync.salesforce.soql.Soql;
import io.crmsync.store.PairingRepository;
import io.crmsync.sync.translate.DomainTranslation;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Finds the company a new record already has on the other side, so that syncing never creates a second one: a new
 * HubSpot company pairs with the unpaired Account of the same domain (its Website's host) or, failing that, the same
 * name; a new Account pairs with the unpaired HubSpot company of the same domain (HubSpot's own dedupe key for
 * companies). One SOQL query or one HubSpot search per 50 records.
 */
@ApplicationScoped
public class CompanyMatcher {

    private static final int CHUNK = 50;

    private final SalesforceClient salesforce;
    private final HubSpotClient hubspot;
    private final PairingRepository pairings;

    CompanyMatcher(SalesforceClient salesforce, HubSpotClient hubspot, PairingRepository pairings) {
        this.salesforce = salesforce;
        this.hubspot = hubspot;
        this.pairings = pairings;
    }

    /** @return the matching unpaired Account's id by HubSpot company id */
    public Map<String, String> accountsFor(List<CrmObject> companies) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < companies.size(); i += CHUNK) {
            List<CrmObject> chunk = companies.subList(i, Math.min(companies.size(), i + CHUNK));
            List<SObject> accounts = candidateAccounts(chunk);
            Set<String> taken = new LinkedHashSet<>(pairings.findBySalesforceIds("company",
                    accounts.stream().map(SObject::id).toList()).keySet());
            for (CrmObject company : chunk) {
                String domain = DomainTranslation.domainOf(company.property("domain"));
                String name = lower(company.property("name"));
                SObject match = accounts.stream().filter(a -> !taken.contains(a.id()))
                        .filter(a -> domain != null && domain.equals(DomainTranslation.domainOf(a.getString("Website"))))
                        .findFirst()
                        .orElseGet(() -> accounts.stream().filter(a -> !taken.contains(a.id()))
                                .filter(a -> name != null && name.equals(lower(a.getString("Name")))).findFirst()
                                .orElse(null));
                if (match != null) {
                    taken.add(match.id());
                    out.put(company.id(), match.id());
                }
            }
        }
        return out;
    }

    /** @return the matching unpaired HubSpot company's id by Account id */
    public Map<String, String> companiesFor(List<SObject> accounts) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < accounts.size(); i += CHUNK) {
            List<SObject> chunk = accounts.subList(i, Math.min(accounts.size(), i + CHUNK));
            List<String> domains = chunk.stream().map(a -> DomainTranslation.domainOf(a.getString("Website")))
                    .filter(d -> d != null).distinct().toList();
            if (domains.isEmpty()) {
                continue;
            }
            SearchRequest request = new SearchRequest(List.of(new FilterGroup(List.of(
                    new Filter("domain", "IN", null, null, domains)))), List.of(), List.of("domain", "name"), 100, null);
            List<CrmObject> companies = hubspot.search("company", request).results();
            Set<String> taken = new LinkedHashSet<>(pairings.findByHubspotIds("company",
                    companies.stream().map(CrmObject::id).toList()).keySet());
            for (SObject account : chunk) {
                String domain = DomainTranslation.domainOf(account.getString("Website"));
                companies.stream().filter(c -> !taken.contains(c.id()))
                        .filter(c -> domain != null && domain.equals(DomainTranslation.domainOf(c.property("domain"))))
                        .findFirst().ifPresent(c -> {
                            taken.add(c.id());
                            out.put(account.id(), c.id());
                        });
            }
        }
        return out;
    }

    private List<SObject> candidateAccounts(List<CrmObject> companies) {
        List<Condition> any = new ArrayList<>();
        List<String> names = companies.stream().map(c -> c.property("name")).filter(n -> n != null && !n.isBlank())
                .distinct().toList();
        if (!names.isEmpty()) {
            any.add(Condition.in("Name", names));
        }
        companies.stream().map(c -> DomainTranslation.domainOf(c.property("domain"))).filter(d -> d != null).distinct()
                .forEach(d -> any.add(Condition.like("Website", LikePattern.contains(d))));
        if (any.isEmpty()) {
            return List.of();
        }
        return salesforce.query(Soql.select("Id", "Name", "Website").from("Account")
                .where(Condition.or(any.toArray(Condition[]::new))));
    }

    private static String lower(String s) {
        return s == null || s.isBlank() ? null : s.trim().toLowerCase(Locale.ROOT);
    }
}
