package io.crmsync.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;


import org.junit.jupiter.api.Test;

import io.crmsync.hubspot.model.BatchResult;
import io.crmsync.hubspot.model.CrmObject;
import io.crmsync.hubspot.model.ObjectInput;
import io.crmsync.hubspot.model.ObjectUpdate;
import io.crmsync.hubspot.model.ObjectUpsert;
import io.crmsync.hubspot.model.UpsertResult;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HubSpotBatchTest extends HubSpotClientTestSupport {

    @Test
    void batchUpsert_250Contacts_takesThreeCalls_andCreatesEachOnce() {
        // given
        List<ObjectUpsert> contacts = IntStream.range(0, 250)
                .mapToObj(i -> new ObjectUpsert("person" + i + "@example.com", Map.of("firstname", "P" + i)))
                .toList();

        // when
        BatchResult<UpsertResult> result = client.batchUpsert("contacts", "email", contacts);

        // then
        assertThat(client.calls().count("objects.batch.upsert")).isEqualTo(3);
        assertThat(sandbox.served().count("objects.batch.upsert")).isEqualTo(3);
        assertThat(client.calls().total()).isEqualTo(sandbox.served().total()).isEqualTo(3);
        assertThat(result.errors()).isEmpty();
        assertThat(result.results()).hasSize(250).allMatch(UpsertResult::created);
        assertThat(result.results()).extracting(r -> r.object().property("email"))
                .containsExactlyElementsOf(contacts.stream().map(ObjectUpsert::idValue).toList());
        assertThat(sandbox.count("contacts")).isEqualTo(250);
    }

    @Test
    void batchUpsert_existingEmail_updatesInsteadOfDuplicating() {
        // given
        String id = sandbox.seed("contacts", List.of(Map.of("email", "ada@example.com", "firstname", "Ada"))).get(0);

        // when
        BatchResult<UpsertResult> result = client.batchUpsert("contacts", "email",
                List.of(new ObjectUpsert("ADA@example.com", Map.of("lastname", "Lovelace")),
                        new ObjectUpsert("grace@example.com", Map.of("lastname", "Hopper"))));

        // then
        assertThat(result.results()).extracting(r -> r.object().id(), UpsertResult::created)
                .first().isEqualTo(org.assertj.core.groups.Tuple.tuple(id, false));
        assertThat(result.results().get(1).created()).isTrue();
        assertThat(sandbox.record("contacts", id).orElseThrow())
                .containsEntry("firstname", "Ada").containsEntry("lastname", "Lovelace");
        assertThat(sandbox.count("contacts")).isEqualTo(2);
    }

    @Test
    void batchRead_unknownIds_comeBackAsErrorsBesideTheFoundRecords() {
        // given
        List<String> ids = sandbox.seed("companies", 3, i -> Map.of("name", "Acme " + i, "domain", "acme" + i + ".com"));

        // when
        BatchResult<CrmObject> result = client.batchRead("companies", List.of(ids.get(0), "999999999", ids.get(2)),
                List.of("name", "domain"), Optional.empty());

        // then
        assertThat(result.results()).extracting(CrmObject::id).containsExactly(ids.get(0), ids.get(2));
        assertThat(result.results().get(0).property("name")).isEqualTo("Acme 0");
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.category()).isEqualTo("OBJECT_NOT_FOUND");
            assertThat(e.ids()).containsExactly("999999999");
        });
    }

    @Test
    void batchCreate_duplicateEmail_failsWithConflictNamingTheExistingRecord() {
        // given
        String existing = sandbox.seed("contacts", List.of(Map.of("email", "taken@example.com"))).get(0);

        // when / then
        assertThatThrownBy(() -> client.batchCreate("contacts",
                List.of(ObjectInput.of(Map.of("email", "taken@example.com")))))
                .isInstanceOfSatisfying(HubSpotConflictException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.category()).isEqualTo("CONFLICT");
                    assertThat(e.correlationId()).isNotBlank();
                    assertThat(e.existingId()).contains(existing);
                });
        assertThat(sandbox.count("contacts")).isEqualTo(1);
    }

    @Test
    void batchCreate_withTraceIds_returnsPartialSuccessAndPerInputErrors() {
        // given
        sandbox.seed("contacts", List.of(Map.of("email", "taken@example.com")));

        // when
        BatchResult<CrmObject> result = client.batchCreate("contacts", List.of(
                new ObjectInput(Map.of("email", "new@example.com"), "t1"),
                new ObjectInput(Map.of("email", "taken@example.com"), "t2")));

        // then
        assertThat(result.results()).extracting(o -> o.property("email")).containsExactly("new@example.com");
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.category()).isEqualTo("CONFLICT");
            assertThat(e.context()).containsEntry("objectWriteTraceId", List.of("t2"));
        });
    }

    @Test
    void batchUpdate_unknownProperty_isRefusedAsValidationError() {
        // given
        String id = sandbox.seed("deals", List.of(Map.of("dealname", "Big one"))).get(0);

        // when / then
        assertThatThrownBy(() -> client.batchUpdate("deals", List.of(new ObjectUpdate(id, Map.of("no_such_prop", "x")))))
                .isInstanceOfSatisfying(HubSpotValidationException.class, e -> {
                    assertThat(e.category()).isEqualTo("VALIDATION_ERROR");
                    assertThat(e.getMessage()).contains("no_such_prop").doesNotContain(HubSpotSandboxTestResource.TEST_TOKEN);
                });
    }

    @Test
    void batchUpdate_bumpsLastModifiedDate_ofTheChangedRecord() {
        // given
        String id = sandbox.seed("deals", List.of(Map.of("dealname", "Old", "hs_lastmodifieddate", "2020-01-01T00:00:00Z"))).get(0);

        // when
        BatchResult<CrmObject> result = client.batchUpdate("deals", List.of(new ObjectUpdate(id, Map.of("amount", "1200"))));

        // then
        CrmObject updated = result.results().get(0);
        assertThat(updated.property("amount")).isEqualTo("1200");
        assertThat(updated.updatedAt()).isAfter(java.time.Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(updated.property("hs_lastmodifieddate")).isEqualTo(updated.updatedAt().toString());
    }

    @Test
    void concurrentUpserts_fromFourWorkers_createEachContactOnce() throws Exception {
        // given: four workers upserting overlapping halves of 400 emails at once
        List<ObjectUpsert> all = IntStream.range(0, 400)
                .mapToObj(i -> new ObjectUpsert("w" + i + "@example.com", Map.of("firstname", "W" + i))).toList();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            // when
            var futures = IntStream.range(0, 4)
                    .mapToObj(w -> pool.submit(() -> client.batchUpsert("contacts", "email",
                            all.subList((w % 2) * 200, (w % 2) * 200 + 200))))
                    .toList();
            long created = 0;
            for (var f : futures) {
                created += f.get(60, java.util.concurrent.TimeUnit.SECONDS).results().stream()
                        .filter(UpsertResult::created).count();
            }

            // then
            assertThat(sandbox.count("contacts")).isEqualTo(400);
            assertThat(created).isEqualTo(400);
        } finally {
            pool.shutdownNow();
        }
    }
}
