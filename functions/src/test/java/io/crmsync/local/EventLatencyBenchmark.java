package io.crmsync.local;

import static io.crmsync.testing.Eventually.eventually;
import static io.restassured.RestAssured.given;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Change-to-readable latency of event-driven sync, through local mode's wiring with the poll at 15 minutes: a steady
 * stream of edits on both sides (Salesforce contact titles, HubSpot company cities under a two-way rule), each
 * timed from its write until the other CRM answers the new value. Prints p50/p95/p99 per direction, crm-sync's API
 * calls per change, lost changes and echo writes, and the same percentiles for the 15-minute poll alone.
 *
 * <p>{@code ./mvnw test -pl functions -am -Dtest=EventLatencyBenchmark -Dgroups=benchmark -DexcludedGroups=
 * -Dlatency.rate=4 -Dlatency.seconds=60} (changes per second on each side; excluded from the normal run).
 */
@Tag("benchmark")
@QuarkusTest
@TestProfile(LocalModeEventsProfile.class)
class EventLatencyBenchmark {

    private static final double RATE = Double.parseDouble(System.getProperty("latency.rate", "2"));
    private static final int SECONDS = Integer.getInteger("latency.seconds", 60);
    private static final Duration LOST_AFTER = Duration.ofSeconds(60);
    /**
     * Which Salesforce records take the Salesforce-side edits: {@code account} (Name, whose company has no inclusion
     * segment) or {@code contact} (Title, under the demo inclusion segment, whose settle rule holds a contact written
     * moments ago).
     */
    private static final boolean CONTACTS = "contact".equals(System.getProperty("latency.sf-object", "account"));
    private static final String SF_OBJECT = CONTACTS ? "Contact" : "Account";
    private static final String SF_FIELD = CONTACTS ? "Title" : "Name";
    private static final String HS_TYPE = CONTACTS ? "contacts" : "companies";
    private static final String HS_PROPERTY = CONTACTS ? "jobtitle" : "name";

    @ConfigProperty(name = "crmsync.local.api-port")
    int apiPort;
    @ConfigProperty(name = "crmsync.salesforce.login-url")
    URI salesforce;
    @ConfigProperty(name = "crmsync.hubspot.base-url")
    URI hubspot;

    /** One edit: where, what value, when written, when first readable on the other side. */
    private record Change(String side, String targetId, String value, long writtenNanos, Instant writtenAt) {
    }

    private final Map<Change, Long> readable = new ConcurrentHashMap<>();
    /** HubSpot contact id -> Salesforce contact id; Salesforce account id -> HubSpot company id. */
    private final Map<String, String> salesforceIdOf = new ConcurrentHashMap<>();
    private final Map<String, String> hubspotIdOf = new ConcurrentHashMap<>();

    @Test
    void steadyStreamOnBothSides_printsLatencyCallsLossAndEchoes() throws Exception {
        // given: demo contacts (the EU segment) and companies imported and paired; company city two-way
        if (CONTACTS) importAndWait("{\"object\":\"contacts\",\"filters\":[{\"field\":\"Email\",\"operator\":\"contains\",\"value\":\"@eu.example.com\"}]}");
        importAndWait("{\"object\":\"accounts\"}");
        given().port(apiPort).body("""
                {"mappings":[{"hubspotProperty":"name","salesforceField":"Name"},
                 {"hubspotProperty":"city","salesforceField":"BillingCity","rule":"TWO_WAY"}]}""")
                .put("/settings/mappings/company").then().statusCode(200);
        List<String[]> companies = pairs("company", "SELECT Id, Name FROM Account", "Name", "name", "companies");
        List<String[]> contacts = CONTACTS
                ? pairs("contact", "SELECT Id, Email FROM Contact WHERE Email LIKE '%@eu.example.com'", "Email", "email", "contacts")
                : companies.subList(0, companies.size() / 2);
        companies = CONTACTS ? companies : companies.subList(companies.size() / 2, companies.size());
        Thread.sleep(5_000); // the import's follow-up syncs settle
        JsonPath usageBefore = given().port(apiPort).get("/api-usage").jsonPath();

        // when: RATE edits per second on each side for SECONDS
        List<Change> changes = Collections.synchronizedList(new ArrayList<>());
        Thread checker = new Thread(() -> check(changes), "latency-checker");
        checker.setDaemon(true);
        checker.start();
        long interval = (long) (1_000_000_000L / RATE);
        long start = System.nanoTime();
        int n = (int) (RATE * SECONDS);
        for (int i = 0; i < n; i++) {
            long due = start + i * interval;
            while (System.nanoTime() < due) {
                Thread.sleep(1);
            }
            String[] contact = contacts.get(i % contacts.size());
            String title = "T" + i;
            given().port(salesforce.getPort()).auth().oauth2("someone").contentType("application/json")
                    .body("{\"" + SF_FIELD + "\":\"" + title + "\"}")
                    .patch("/services/data/v62.0/sobjects/" + SF_OBJECT + "/" + contact[0]).then().statusCode(204);
            changes.add(new Change("salesforce->hubspot", contact[1], title, System.nanoTime(), Instant.now()));
            String[] company = companies.get(i % companies.size());
            String city = "C" + i;
            given().port(hubspot.getPort()).auth().oauth2("someone").contentType("application/json")
                    .body("{\"properties\":{\"city\":\"" + city + "\"}}").patch("/crm/v3/objects/companies/" + company[1])
                    .then().statusCode(200);
            changes.add(new Change("hubspot->salesforce", company[0], city, System.nanoTime(), Instant.now()));
        }
        long deadline = System.nanoTime() + LOST_AFTER.toNanos();
        while (readable.size() < changes.size() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        checker.interrupt();
        JsonPath usageAfter = given().port(apiPort).get("/api-usage").jsonPath();

        // then
        System.out.printf("%nEvent-driven sync, local mode, poll at 15 min: %d changes (%.1f/s on each side for %d s;"
                + " Salesforce edits %s.%s, HubSpot edits companies.city)%n", changes.size(), RATE, SECONDS, SF_OBJECT, SF_FIELD);
        for (String side : List.of("salesforce->hubspot", "hubspot->salesforce")) {
            List<Long> ms = new ArrayList<>();
            long lost = 0;
            for (Change c : new ArrayList<>(changes)) {
                if (!c.side().equals(side)) {
                    continue;
                }
                Long at = readable.get(c);
                if (at == null) {
                    lost++;
                } else {
                    ms.add((at - c.writtenNanos()) / 1_000_000);
                }
            }
            Collections.sort(ms);
            System.out.printf("  %-20s p50 %6d ms  p95 %6d ms  p99 %6d ms  max %6d ms  lost %d%n", side,
                    pct(ms, 50), pct(ms, 95), pct(ms, 99), ms.isEmpty() ? -1 : ms.get(ms.size() - 1), lost);
        }
        long sfCalls = usageAfter.getLong("salesforce.callsLast24Hours") - usageBefore.getLong("salesforce.callsLast24Hours");
        long hsCalls = usageAfter.getLong("hubspot.callsLast24Hours") - usageBefore.getLong("hubspot.callsLast24Hours");
        System.out.printf("  crm-sync's API calls per change: Salesforce %.2f, HubSpot %.2f (%d and %d for %d changes)%n",
                sfCalls / (double) changes.size(), hsCalls / (double) changes.size(), sfCalls, hsCalls, changes.size());
        System.out.printf("  echo writes: %d (a Salesforce contact or HubSpot company written after its last edit)%n",
                echoes(changes));
        // The poll alone, computed the same way: a change made at a uniformly random moment waits for the next
        // poll (0-15 minutes), then for the poll's run and the sync (5.5 s for 10,000 changes in PollBenchmark).
        long pollRunSeconds = 6;
        System.out.printf("  the 15-minute poll alone (computed: next poll 0-900 s away, plus its run): p50 %d s,"
                + " p95 %d s, p99 %d s%n", 900 * 50 / 100 + pollRunSeconds, 900 * 95 / 100 + pollRunSeconds,
                900 * 99 / 100 + pollRunSeconds);
    }

    /** Reads back every outstanding change in batches until it shows the new value. */
    private void check(List<Change> changes) {
        while (!Thread.currentThread().isInterrupted()) {
            List<Change> open = new ArrayList<>();
            synchronized (changes) {
                for (Change c : changes) {
                    if (!readable.containsKey(c)) {
                        open.add(c);
                    }
                }
            }
            Map<String, Change> latestHs = new java.util.LinkedHashMap<>();
            Map<String, Change> latestSf = new java.util.LinkedHashMap<>();
            for (Change c : open) {
                (c.side().startsWith("salesforce") ? latestHs : latestSf).merge(c.targetId(), c, (a, b) -> b);
            }
            try {
                readHubSpot(latestHs, open);
                readSalesforce(latestSf, open);
                // twice a second: the reads share the portal's burst limit (190 per 10 s) with crm-sync
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // a 429 from the portal's burst limit: read again next round
            }
        }
    }

    private void readHubSpot(Map<String, Change> latest, List<Change> open) {
        List<String> ids = new ArrayList<>(latest.keySet());
        for (int i = 0; i < ids.size(); i += 100) {
            String inputs = String.join(",", ids.subList(i, Math.min(ids.size(), i + 100)).stream()
                    .map(id -> "{\"id\":\"" + id + "\"}").toList());
            JsonPath page = given().port(hubspot.getPort()).auth().oauth2("someone").contentType("application/json")
                    .body("{\"properties\":[\"" + HS_PROPERTY + "\"],\"inputs\":[" + inputs + "]}")
                    .post("/crm/v3/objects/" + HS_TYPE + "/batch/read").jsonPath();
            List<Map<String, Object>> results = page.getList("results");
            long now = System.nanoTime();
            for (Map<String, Object> r : results == null ? List.<Map<String, Object>>of() : results) {
                Object value = ((Map<?, ?>) r.get("properties")).get(HS_PROPERTY);
                markReadable(open, "salesforce->hubspot", String.valueOf(r.get("id")), String.valueOf(value), now);
            }
        }
    }

    private void readSalesforce(Map<String, Change> latest, List<Change> open) {
        List<String> ids = new ArrayList<>(latest.keySet());
        for (int i = 0; i < ids.size(); i += 200) {
            String in = String.join(",", ids.subList(i, Math.min(ids.size(), i + 200)).stream().map(id -> "'" + id + "'").toList());
            JsonPath page = given().port(salesforce.getPort()).auth().oauth2("someone")
                    .queryParam("q", "SELECT Id, BillingCity FROM Account WHERE Id IN (" + in + ")")
                    .get("/services/data/v62.0/query").jsonPath();
            List<Map<String, Object>> records = page.getList("records");
            long now = System.nanoTime();
            for (Map<String, Object> r : records == null ? List.<Map<String, Object>>of() : records) {
                markReadable(open, "hubspot->salesforce", String.valueOf(r.get("Id")), String.valueOf(r.get("BillingCity")), now);
            }
        }
    }

    /** The value now readable marks that change, and every earlier change of the same record, as arrived. */
    private void markReadable(List<Change> open, String side, String id, String value, long now) {
        Change hit = null;
        for (Change c : open) {
            if (c.side().equals(side) && c.targetId().equals(id) && c.value().equals(value)) {
                hit = c;
            }
        }
        if (hit != null) {
            for (Change c : open) {
                if (c.side().equals(side) && c.targetId().equals(id) && c.writtenNanos() <= hit.writtenNanos()) {
                    readable.putIfAbsent(c, now);
                }
            }
        }
    }

    /**
     * Records crm-sync wrote back to the side a change came from after that side's last edit: a Salesforce contact
     * whose LastModifiedDate, or a HubSpot company whose updatedAt, is later than the benchmark's last write to it.
     */
    private long echoes(List<Change> changes) {
        Map<String, Instant> lastContactEdit = new java.util.HashMap<>();
        Map<String, Instant> lastCompanyEdit = new java.util.HashMap<>();
        Map<String, String> contactOfHubSpotId = new java.util.HashMap<>();
        for (Change c : changes) {
            if (c.side().equals("salesforce->hubspot")) {
                lastContactEdit.merge(c.targetId(), c.writtenAt(), (a, b) -> b.isAfter(a) ? b : a);
            } else {
                lastCompanyEdit.merge(c.targetId(), c.writtenAt(), (a, b) -> b.isAfter(a) ? b : a);
            }
        }
        long echoes = 0;
        // contacts were edited in Salesforce: read their LastModifiedDate there, by the Salesforce ids the edits used
        for (Map.Entry<String, Instant> e : lastContactEdit.entrySet()) {
            contactOfHubSpotId.put(e.getKey(), salesforceIdOf.get(e.getKey()));
        }
        for (Map.Entry<String, String> e : contactOfHubSpotId.entrySet()) {
            String modified = given().port(salesforce.getPort()).auth().oauth2("someone")
                    .queryParam("q", "SELECT LastModifiedDate FROM " + SF_OBJECT + " WHERE Id = '" + e.getValue() + "'")
                    .get("/services/data/v62.0/query").jsonPath().getString("records[0].LastModifiedDate");
            if (modified != null && Instant.parse(modified.replace("+0000", "Z")).isAfter(lastContactEdit.get(e.getKey()))) {
                echoes++;
            }
        }
        // companies were edited in HubSpot: read their updatedAt there, by the HubSpot ids the edits used
        for (Map.Entry<String, Instant> e : lastCompanyEdit.entrySet()) {
            String updated = given().port(hubspot.getPort()).auth().oauth2("someone")
                    .get("/crm/v3/objects/companies/" + hubspotIdOf.get(e.getKey())).jsonPath().getString("updatedAt");
            if (updated != null && Instant.parse(updated).isAfter(e.getValue())) {
                echoes++;
            }
        }
        return echoes;
    }

    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** [salesforceId, hubspotId] of paired records, by the value both sides share. */
    private List<String[]> pairs(String object, String soql, String sfKey, String hsKey, String hsType) {
        List<Map<String, Object>> records = given().port(salesforce.getPort()).auth().oauth2("someone")
                .queryParam("q", soql).get("/services/data/v62.0/query").jsonPath().getList("records");
        List<String[]> out = new ArrayList<>();
        for (Map<String, Object> r : records) {
            String id = String.valueOf(r.get("Id"));
            JsonPath pairing = given().port(apiPort).get("/pairings/" + object + "/" + id).jsonPath();
            String hsId = pairing.getString("hubspotId");
            if (hsId != null) {
                out.add(new String[] { id, hsId });
                salesforceIdOf.put(hsId, id);
                hubspotIdOf.put(id, hsId);
            }
            if (out.size() >= 200) {
                break;
            }
        }
        return out;
    }

    private void importAndWait(String definition) {
        String importId = given().port(apiPort).body(definition).post("/imports").then().statusCode(202).extract()
                .path("importId");
        eventually(() -> "COMPLETED".equals(given().port(apiPort).get("/imports/" + importId).jsonPath()
                .getString("status")) ? true : null);
    }
}
