package io.crmsync.sandbox;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;

/**
 * The demo org and portal the local mode starts with: thousands of Salesforce leads, contacts, accounts,
 * opportunities, cases, tasks and events, an active and an inactive campaign, and in HubSpot an active (DYNAMIC)
 * inclusion segment of the contacts whose email ends with {@value #SEGMENT_DOMAIN}. Deterministic, so the README's
 * walkthrough shows the same numbers on every machine.
 */
public final class DemoData {

    public static final String SEGMENT_DOMAIN = "@eu.example.com";
    public static final String SEGMENT_NAME = "Demo: European contacts";

    private static final String[] FIRST = { "Ada", "Grace", "Linus", "Margaret", "Alan", "Barbara", "Ken", "Frances",
            "Dennis", "Radia", "Edsger", "Katherine", "Tim", "Hedy", "John", "Sophie" };
    private static final String[] LAST = { "Lovelace", "Hopper", "Torvalds", "Hamilton", "Turing", "Liskov",
            "Thompson", "Allen", "Ritchie", "Perlman", "Dijkstra", "Johnson", "Berners-Lee", "Lamarr", "Backus",
            "Wilson" };
    private static final String[] STAGES = { "Prospecting", "Qualification", "Closed Won", "Closed Lost" };

    /** What was created, for the start-up banner and the walkthrough. */
    public record Summary(int leads, int contacts, int accounts, int opportunities, int cases, int tasks, int events,
            String activeCampaignId, String inactiveCampaignId, String inclusionListId) {
    }

    private DemoData() {
    }

    public static Summary seed(SalesforceSandbox salesforce, HubSpotSandbox hubspot) {
        // An existing org: its records were last modified a month ago, so they are the import's to bring over and
        // the first poll (which reads only recent changes) leaves them alone, as it would in a real org.
        salesforce.clock(Clock.offset(Clock.systemUTC(), Duration.ofDays(-30)));
        try {
            return seedRecords(salesforce, hubspot);
        } finally {
            salesforce.clock(Clock.systemUTC());
        }
    }

    private static Summary seedRecords(SalesforceSandbox salesforce, HubSpotSandbox hubspot) {
        LocalDate today = LocalDate.of(2026, 1, 15);
        List<String> users = seedPeople(salesforce, hubspot);
        List<String> accounts = salesforce.seed("Account", 300, i -> fields("OwnerId", owner(users, i),
                "Name", "Company " + i, "Industry", i % 3 == 0 ? "Technology" : "Finance",
                "Website", "https://company" + i + ".example.com", "NumberOfEmployees", (long) (10 + i * 7),
                "AnnualRevenue", BigDecimal.valueOf(100_000L + i * 12_500L), "BillingCity", i % 2 == 0 ? "Berlin" : "Boston"));
        // 2,000 leads, 1 in 40 without an email (skipped by imports, as in HubSpot), 1 in 4 in the EU segment
        List<String> leads = salesforce.seed("Lead", 2_000, i -> fields(
                "FirstName", FIRST[i % FIRST.length], "LastName", LAST[i % LAST.length] + " " + i,
                "Company", "Prospect " + i, "Email", i % 40 == 39 ? null : "lead" + i + domain(i),
                "Status", "Open - Not Contacted", "LeadSource", "Web", "City", i % 4 == 0 ? "Paris" : "Austin"));
        List<String> contacts = salesforce.seed("Contact", 2_000, i -> fields(
                "FirstName", FIRST[(i + 3) % FIRST.length], "LastName", LAST[(i + 5) % LAST.length] + " " + i,
                "Email", i % 50 == 49 ? null : "contact" + i + domain(i), "Title", "Engineer",
                "AccountId", accounts.get(i % accounts.size()), "MailingCity", i % 4 == 0 ? "Madrid" : "Denver"));
        List<String> opportunities = salesforce.seed("Opportunity", 600, i -> fields("OwnerId", owner(users, i),
                "Name", "Deal " + i, "StageName", STAGES[i % STAGES.length], "CloseDate", today.plusDays(i % 90),
                "Amount", BigDecimal.valueOf(5_000L + i * 250L), "Probability", BigDecimal.valueOf(i % 100),
                "AccountId", accounts.get(i % accounts.size())));
        List<String> cases = salesforce.seed("Case", 300, i -> fields(
                "Subject", "Support request " + i, "Status", i % 5 == 0 ? "Closed" : "New", "Priority", "Medium",
                "Origin", "Email", "ContactId", contacts.get(i), "AccountId", accounts.get(i % accounts.size())));
        List<String> tasks = salesforce.seed("Task", 800, i -> fields(
                "Subject", "Follow up " + i, "Status", i % 3 == 0 ? "Completed" : "Not Started", "Priority", "Normal",
                "ActivityDate", today.plusDays(i % 30), "WhoId", contacts.get(i % contacts.size())));
        Instant start = Instant.parse("2026-01-15T09:00:00Z");
        List<String> events = salesforce.seed("Event", 400, i -> fields(
                "Subject", "Meeting " + i, "StartDateTime", start.plus(i, ChronoUnit.HOURS),
                "EndDateTime", start.plus(i, ChronoUnit.HOURS).plus(30, ChronoUnit.MINUTES), "DurationInMinutes", 30L,
                "WhoId", contacts.get(i % contacts.size())));
        String active = salesforce.insert("Campaign", fields("Name", "Spring Webinar", "IsActive", true,
                "Status", "In Progress", "Type", "Webinar"));
        String inactive = salesforce.insert("Campaign", fields("Name", "2019 Conference", "IsActive", false,
                "Status", "Completed", "Type", "Conference"));
        salesforce.seed("CampaignMember", 200, i -> fields("CampaignId", active, "ContactId", contacts.get(i),
                "Status", i % 2 == 0 ? "Responded" : "Sent"));
        salesforce.seed("CampaignMember", 100, i -> fields("CampaignId", inactive, "LeadId", leads.get(i),
                "Status", "Sent"));
        String listId = createInclusionSegment(hubspot);
        return new Summary(leads.size(), contacts.size(), accounts.size(), opportunities.size(), cases.size(),
                tasks.size(), events.size(), active, inactive, listId);
    }

    /**
     * Salesforce users and HubSpot owners: Mary and Dorothy are in both CRMs (one email spelled in another case),
     * Katherine only in Salesforce and Christine only in HubSpot, so owner matching and its errors can be seen.
     *
     * @return the Salesforce users Mary, Dorothy, Katherine
     */
    private static List<String> seedPeople(SalesforceSandbox salesforce, HubSpotSandbox hubspot) {
        String mary = salesforce.insert("User", fields("FirstName", "Mary", "LastName", "Jackson",
                "Email", "mary.jackson@demo.example.com", "Username", "mary.jackson@demo.example.com", "IsActive", true));
        String dorothy = salesforce.insert("User", fields("FirstName", "Dorothy", "LastName", "Vaughan",
                "Email", "dorothy.vaughan@demo.example.com", "Username", "dorothy.vaughan@demo.example.com",
                "IsActive", true));
        String katherine = salesforce.insert("User", fields("FirstName", "Katherine", "LastName", "Johnson",
                "Email", "katherine.johnson@demo.example.com", "Username", "katherine.johnson@demo.example.com",
                "IsActive", true));
        hubspot.addOwner("mary.jackson@demo.example.com", "Mary", "Jackson");
        hubspot.addOwner("Dorothy.Vaughan@demo.example.com", "Dorothy", "Vaughan");
        hubspot.addOwner("christine.darden@demo.example.com", "Christine", "Darden");
        return List.of(mary, dorothy, katherine);
    }

    /** Mostly Mary and Dorothy; one record in 50 belongs to Katherine, who has no HubSpot owner. */
    private static String owner(List<String> users, int i) {
        return i % 50 == 49 ? users.get(2) : users.get(i % 2);
    }

    private static String domain(int i) {
        return i % 4 == 0 ? SEGMENT_DOMAIN : "@example.com";
    }

    /** Through the Lists API, as a HubSpot user's segment would be made. */
    private static String createInclusionSegment(HubSpotSandbox hubspot) {
        String body = """
                {"name":"%s","objectTypeId":"0-1","processingType":"DYNAMIC","filterBranch":{"filterBranchType":"OR",
                 "filterBranches":[{"filterBranchType":"AND","filters":[{"filterType":"PROPERTY","property":"email",
                 "operation":{"operationType":"MULTISTRING","operator":"ENDS_WITH","values":["%s"]}}]}]}}
                """.formatted(SEGMENT_NAME, SEGMENT_DOMAIN);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(hubspot.baseUrl() + "/crm/v3/lists/")).header("Authorization", "Bearer demo-data")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("The HubSpot sandbox refused the demo list: " + response.body());
            }
            JsonNode answer = new ObjectMapper().readTree(response.body());
            JsonNode list = answer.has("list") ? answer.get("list") : answer;
            return list.get("listId").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Could not create the demo inclusion segment", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the demo inclusion segment", e);
        }
    }

    private static Map<String, Object> fields(Object... keyValues) {
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                fields.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return fields;
    }
}
