package io.crmsync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class PairingRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @Inject
    PairingRepository pairings;

    @Test
    void create_thenLookUpBothWays_returnsTheSamePairing() {
        // given
        String hs = id(), sf = id();
        Map<String, String> hsValues = new HashMap<>();
        hsValues.put("email", "a@example.com");
        hsValues.put("phone", null);
        Pairing created = pairings.create(Pairing.of("contact", hs, sf, SalesforceType.LEAD)
                .withSynced(hsValues, Map.of("Email", "a@example.com"), T0));

        // when
        Pairing byHubspot = pairings.findByHubspotId("contact", hs).orElseThrow();
        Pairing bySalesforce = pairings.findBySalesforceId("contact", sf).orElseThrow();

        // then
        assertThat(created.version()).isEqualTo(1);
        assertThat(byHubspot).isEqualTo(created).isEqualTo(bySalesforce);
        assertThat(byHubspot.hubspotValues()).containsEntry("phone", null).containsEntry("email", "a@example.com");
        assertThat(byHubspot.lastSyncedAt()).isEqualTo(T0);
    }

    @Test
    void createAbsent_writesTheNewPairingsInOneGo_andLeavesRecordsPairedAlreadyAlone() {
        // given a pairing of hs1 with sf1
        String hs1 = id(), sf1 = id(), hs2 = id(), sf2 = id(), hs3 = id(), sf3 = id();
        pairings.create(Pairing.of("contact", hs1, sf1, SalesforceType.LEAD));

        // when three new pairings are written, two of them naming a record paired already
        var created = pairings.createAbsent(java.util.List.of(
                Pairing.of("contact", hs1, sf2, SalesforceType.CONTACT),
                Pairing.of("contact", hs2, sf3, SalesforceType.CONTACT),
                Pairing.of("contact", hs3, sf1, SalesforceType.CONTACT)));

        // then only hs2-sf3 is new, and hs1 is still paired with sf1
        assertThat(created).extracting(Pairing::hubspotId).containsExactly(hs2);
        assertThat(created.get(0).version()).isEqualTo(1);
        assertThat(pairings.findBySalesforceId("contact", sf3).orElseThrow().hubspotId()).isEqualTo(hs2);
        assertThat(pairings.findByHubspotId("contact", hs1).orElseThrow().salesforceId()).isEqualTo(sf1);
        assertThat(pairings.findByHubspotId("contact", hs3)).isEmpty();
        assertThat(pairings.findBySalesforceId("contact", sf2)).isEmpty();
    }

    @Test
    void save_withStaleVersion_isRejected_andKeepsTheWinnersValues() {
        // given
        Pairing v1 = pairings.create(Pairing.of("contact", id(), id(), SalesforceType.CONTACT));
        Pairing winner = pairings.save(v1.withSynced(Map.of("email", "new@example.com"), Map.of(), T0));

        // when / then
        assertThatThrownBy(() -> pairings.save(v1.withSynced(Map.of("email", "lost@example.com"), Map.of(), T0)))
                .isInstanceOf(StaleVersionException.class)
                .hasMessageContaining("expected version 1 but found 2");
        assertThat(pairings.findByHubspotId("contact", v1.hubspotId()).orElseThrow())
                .isEqualTo(winner)
                .extracting(p -> p.hubspotValues().get("email")).isEqualTo("new@example.com");
    }

    @Test
    void concurrentSaves_ofOnePairing_exactlyOneWins() throws Exception {
        // given
        Pairing v1 = pairings.create(Pairing.of("contact", id(), id(), SalesforceType.CONTACT));
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<String>> outcomes = new ArrayList<>();

        // when
        for (int i = 0; i < writers; i++) {
            String value = "writer-" + i;
            Callable<String> save = () -> {
                start.await();
                try {
                    pairings.save(v1.withSynced(Map.of("email", value), Map.of(), T0));
                    return "won";
                } catch (StaleVersionException e) {
                    return "stale";
                }
            };
            outcomes.add(pool.submit(save));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        pool.shutdown();

        // then
        assertThat(results).containsOnlyOnce("won").filteredOn("stale"::equals).hasSize(writers - 1);
        assertThat(pairings.findByHubspotId("contact", v1.hubspotId()).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void create_whenSalesforceRecordIsAlreadyPaired_isRejectedNamingTheSalesforceSide() {
        // given
        String sf = id();
        pairings.create(Pairing.of("contact", id(), sf, SalesforceType.LEAD));

        // when / then
        assertThatThrownBy(() -> pairings.create(Pairing.of("contact", id(), sf, SalesforceType.LEAD)))
                .isInstanceOfSatisfying(PairingExistsException.class,
                        e -> assertThat(e.side()).isEqualTo(CrmSide.SALESFORCE));
    }

    @Test
    void create_whenHubspotRecordIsAlreadyPaired_isRejectedNamingTheHubspotSide() {
        // given
        String hs = id();
        pairings.create(Pairing.of("contact", hs, id(), SalesforceType.LEAD));

        // when / then
        assertThatThrownBy(() -> pairings.create(Pairing.of("contact", hs, id(), SalesforceType.LEAD)))
                .isInstanceOfSatisfying(PairingExistsException.class,
                        e -> assertThat(e.side()).isEqualTo(CrmSide.HUBSPOT));
    }

    @Test
    void repair_movesTheSalesforceLookup_andFreesTheOldSalesforceId() {
        // given
        String hs = id(), lead = id(), contact = id();
        Pairing v1 = pairings.create(Pairing.of("contact", hs, lead, SalesforceType.LEAD)
                .withSynced(Map.of("email", "a@example.com"), Map.of("Email", "a@example.com"), T0));

        // when
        Pairing v2 = pairings.repair(v1, contact, SalesforceType.CONTACT);

        // then
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.salesforceValues()).isEmpty();
        assertThat(pairings.findBySalesforceId("contact", contact)).contains(v2);
        assertThat(pairings.findBySalesforceId("contact", lead)).isEmpty();
        Pairing reuse = pairings.create(Pairing.of("contact", id(), lead, SalesforceType.LEAD));
        assertThat(reuse.salesforceId()).isEqualTo(lead);
    }

    @Test
    void repair_toASalesforceRecordPairedElsewhere_isRejected_andChangesNothing() {
        // given
        String taken = id();
        pairings.create(Pairing.of("contact", id(), taken, SalesforceType.CONTACT));
        Pairing mine = pairings.create(Pairing.of("contact", id(), id(), SalesforceType.LEAD));

        // when / then
        assertThatThrownBy(() -> pairings.repair(mine, taken, SalesforceType.CONTACT))
                .isInstanceOf(PairingExistsException.class);
        assertThat(pairings.findByHubspotId("contact", mine.hubspotId())).contains(mine);
    }

    @Test
    void findByHubspotIds_readsMoreThanOneBatchOf100() {
        // given
        List<String> ids = IntStream.range(0, 130).mapToObj(i -> id()).toList();
        ids.forEach(hs -> pairings.create(Pairing.of("company", hs, id(), SalesforceType.ACCOUNT)));
        List<String> asked = new ArrayList<>(ids);
        asked.add(id()); // never paired

        // when
        Map<String, Pairing> found = pairings.findByHubspotIds("company", asked);

        // then
        assertThat(found).hasSize(130).containsOnlyKeys(ids);
    }

    @Test
    void findBySalesforceIds_readsInBulk_andNoLongerFindsARepairedAwayId() {
        // given
        List<String> sfIds = IntStream.range(0, 150).mapToObj(i -> id()).toList();
        List<Pairing> created = sfIds.stream()
                .map(sf -> pairings.create(Pairing.of("lead", id(), sf, SalesforceType.LEAD))).toList();
        String converted = id();
        pairings.repair(created.get(0), converted, SalesforceType.CONTACT);
        List<String> asked = new ArrayList<>(sfIds);
        asked.add(converted);

        // when
        long started = System.nanoTime();
        Map<String, Pairing> found = pairings.findBySalesforceIds("lead", asked);
        long bulkMs = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        sfIds.subList(0, 100).forEach(sf -> pairings.findBySalesforceId("lead", sf));
        long oneByOneMs = (System.nanoTime() - started) / 1_000_000;

        // then
        assertThat(found).hasSize(150).doesNotContainKey(sfIds.get(0)).containsKey(converted);
        assertThat(found.get(sfIds.get(1)).hubspotId()).isEqualTo(created.get(1).hubspotId());
        System.out.printf("151 pairings by Salesforce id in bulk: %d ms; 100 single gsi1 lookups: %d ms%n",
                bulkMs, oneByOneMs);
    }

    @Test
    void history_keepsOnlyTheNewestEntries() {
        // given
        Pairing p = pairings.create(Pairing.of("contact", id(), id(), SalesforceType.LEAD));
        List<FieldChange> changes = IntStream.range(0, Pairing.HISTORY_LIMIT + 5)
                .mapToObj(i -> new FieldChange(T0.plusSeconds(i), "email", "v" + i, "v" + (i + 1),
                        SyncDirection.HUBSPOT_TO_SALESFORCE, i == 0 ? "conflict lost" : null))
                .toList();

        // when
        pairings.save(p.withHistory(changes));

        // then
        List<FieldChange> history = pairings.findByHubspotId("contact", p.hubspotId()).orElseThrow().history();
        assertThat(history).hasSize(Pairing.HISTORY_LIMIT);
        assertThat(history.get(history.size() - 1).newValue()).isEqualTo("v" + (Pairing.HISTORY_LIMIT + 5));
        assertThat(history.get(0).at()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void delete_removesThePairing_andARepeatWithTheOldVersionIsStale() {
        // given
        Pairing v1 = pairings.create(Pairing.of("contact", id(), id(), SalesforceType.LEAD));
        Pairing v2 = pairings.save(v1.withSynced(Map.of("a", "b"), Map.of(), T0));

        // when / then
        assertThatThrownBy(() -> pairings.delete(v1)).isInstanceOf(StaleVersionException.class);
        pairings.delete(v2);
        assertThat(pairings.findByHubspotId("contact", v1.hubspotId())).isEmpty();
        assertThat(pairings.findBySalesforceId("contact", v1.salesforceId())).isEmpty();
        assertThatThrownBy(() -> pairings.save(v2)).isInstanceOf(PairingNotFoundException.class);
    }

    @Test
    void save_ofTwo250KBLongTextValues_storesThemAsDigests_thatStillTellAChangeFromTheSameValue() {
        // given: two long-text values of 250 KB each, as a Salesforce long text area can hold (failed before: 400 KB)
        Pairing v1 = pairings.create(Pairing.of("contact", id(), id(), SalesforceType.CONTACT));
        String longText = "x".repeat(250_000);

        // when
        pairings.save(v1.withSynced(Map.of("notes", longText), Map.of("Notes__c", longText), T0));

        // then: the stored last values are compact, match the text they were made from, and not another one
        Pairing stored = pairings.findByHubspotId("contact", v1.hubspotId()).orElseThrow();
        String notes = stored.hubspotValues().get("notes");
        assertThat(notes.length()).isLessThan(LongValues.STORED_LIMIT);
        assertThat(io.crmsync.sync.rules.Values.same(longText, notes)).isTrue();
        assertThat(io.crmsync.sync.rules.Values.same(longText + "y", notes)).isFalse();
        assertThat(io.crmsync.sync.rules.Values.same(longText, stored.salesforceValues().get("Notes__c"))).isTrue();
    }

    @Test
    void save_ofAPairingAbove400KB_failsNamingTheLimit_andKeepsTheStoredPairing() {
        // given: 300 mapped fields of 1,000 characters on each side (each below the digest threshold): 600 KB
        Pairing v1 = pairings.create(Pairing.of("contact", id(), id(), SalesforceType.CONTACT));
        Map<String, String> hubspot = new java.util.HashMap<>();
        Map<String, String> salesforce = new java.util.HashMap<>();
        for (int i = 0; i < 300; i++) {
            hubspot.put("p" + i, "x".repeat(1_000));
            salesforce.put("F" + i + "__c", "x".repeat(1_000));
        }

        // when / then
        assertThatThrownBy(() -> pairings.save(v1.withSynced(hubspot, salesforce, T0)))
                .isInstanceOf(ItemTooLargeException.class).hasMessageContaining("400 KB");
        assertThat(pairings.findByHubspotId("contact", v1.hubspotId())).contains(v1);
    }

    static String id() {
        return UUID.randomUUID().toString();
    }
}
