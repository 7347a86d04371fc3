package io.crmsync.sandbox.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 100,000 seeded records, walked with keyset paging over HTTP. Prints the time taken so the figures can be
 * reported; asserts only what a user would notice (every row once, 50 pages, Ids in order).
 */
class SandboxScaleTest {

    private static SalesforceSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = new SalesforceSandbox("c", "s", "u", null).start(0);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void keysetPaging_over100000Leads_visitsEachOnce() {
        // given
        long t0 = System.nanoTime();
        sandbox.seed("Lead", 100_000, i -> Map.of("LastName", "Lead " + i, "Company", "Co " + (i % 100),
                "Email", "lead" + i + "@example.com"));
        long seeded = System.nanoTime();
        SandboxHttp http = new SandboxHttp(sandbox.baseUrl());
        http.login("c", "s");
        // when
        Set<String> seen = new HashSet<>();
        String last = null;
        int pages = 0;
        while (true) {
            String where = last == null ? "" : " WHERE Id > '" + last + "'";
            JsonNode page = http.query("SELECT Id, LastName, Email FROM Lead" + where + " ORDER BY Id LIMIT 2000")
                    .body();
            JsonNode records = page.get("records");
            if (records.isEmpty()) {
                break;
            }
            pages++;
            for (JsonNode r : records) {
                String id = r.get("Id").asText();
                assertThat(last == null || id.compareTo(last) > 0).isTrue();
                seen.add(id);
                last = id;
            }
        }
        long walked = System.nanoTime();
        // then
        assertThat(seen).hasSize(100_000);
        assertThat(pages).isEqualTo(50);
        System.out.printf("SandboxScaleTest: seeded 100,000 Leads in %d ms; keyset-paged them (50 pages of 2,000 "
                + "over HTTP) in %d ms%n", (seeded - t0) / 1_000_000, (walked - seeded) / 1_000_000);
    }

    @Test
    void orderByIdDescending_withLimitAndFilter_answersTheGreatestMatchingIdsFirst() {
        // given
        var ids = sandbox.seed("Contact", 500, i -> Map.of("LastName", "C" + i, "Email", "c" + i + "@example.com",
                "Title", i % 7 == 0 ? "Seven" : "Other"));
        var sevens = new java.util.ArrayList<String>();
        for (int i = 0; i < ids.size(); i++) {
            if (i % 7 == 0) {
                sevens.add(ids.get(i));
            }
        }
        sevens.sort(java.util.Comparator.reverseOrder());
        SandboxHttp http = new SandboxHttp(sandbox.baseUrl());
        http.login("c", "s");

        // when: the query a large import's split asks (the phase's last Id), with a filter
        JsonNode records = http.query("SELECT Id FROM Contact WHERE Title = 'Seven' ORDER BY Id DESC LIMIT 3")
                .body().get("records");

        // then
        assertThat(records).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(records.get(i).get("Id").asText()).isEqualTo(sevens.get(i));
        }
    }
}
