package io.crmsync.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;


import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.hubspot.model.HubSpotList;
import io.crmsync.hubspot.model.HubSpotList.ProcessingType;
import io.crmsync.hubspot.model.MembershipChange;
import io.crmsync.hubspot.model.MembershipPage;
import io.crmsync.hubspot.model.ObjectUpdate;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HubSpotListsTest extends HubSpotClientTestSupport {

    @Test
    void dynamicList_gainsAMember_whenARecordsPropertyStartsMatching() throws Exception {
        // given: a DYNAMIC list of customers, one customer and one lead
        List<String> ids = sandbox.seed("contacts", List.of(
                Map.of("email", "cust@example.com", "lifecyclestage", "customer"),
                Map.of("email", "lead@example.com", "lifecyclestage", "lead")));
        HubSpotList customers = client.lists().create("Customers", "0-1", ProcessingType.DYNAMIC, customersFilter());
        assertThat(client.lists().allMembers(customers.listId())).containsExactly(ids.get(0));

        // when: the lead becomes a customer through the API
        client.batchUpdate("contacts", List.of(new ObjectUpdate(ids.get(1), Map.of("lifecyclestage", "customer"))));

        // then
        assertThat(client.lists().allMembers(customers.listId())).containsExactly(ids.get(0), ids.get(1));
        assertThat(client.lists().get(customers.listId()).size()).isEqualTo(2);
    }

    @Test
    void listsOf_aRecord_namesTheListsItIsInNow_inOneCall() throws Exception {
        // given: a customer in a DYNAMIC list and a MANUAL list, a lead in neither
        List<String> ids = sandbox.seed("contacts", List.of(
                Map.of("email", "member@example.com", "lifecyclestage", "customer"),
                Map.of("email", "other@example.com", "lifecyclestage", "lead")));
        HubSpotList customers = client.lists().create("Customers", "0-1", ProcessingType.DYNAMIC, customersFilter());
        HubSpotList manual = client.lists().create("Picked", "0-1", ProcessingType.MANUAL, null);
        client.lists().addMembers(manual.listId(), List.of(ids.get(0)));
        long before = sandbox.served().total();

        // when
        var lists = client.lists().listsOf("0-1", ids.get(0));

        // then
        assertThat(lists).containsExactlyInAnyOrder(customers.listId(), manual.listId());
        assertThat(sandbox.served().total() - before).isEqualTo(1);
        assertThat(client.lists().listsOf("0-1", ids.get(1))).isEmpty();
    }

    @Test
    void dynamicList_losesAMember_whenThePropertyIsCleared() throws Exception {
        // given
        String id = sandbox.seed("contacts", List.of(Map.of("email", "x@example.com", "lifecyclestage", "customer"))).get(0);
        HubSpotList customers = client.lists().create("Customers", "0-1", ProcessingType.DYNAMIC, customersFilter());

        // when
        client.batchUpdate("contacts", List.of(new ObjectUpdate(id, Map.of("lifecyclestage", ""))));

        // then
        assertThat(client.lists().allMembers(customers.listId())).isEmpty();
    }

    @Test
    void addMembers_onADynamicList_isRefusedBeforeAnyMembershipCall() throws Exception {
        // given
        HubSpotList customers = client.lists().create("Customers", "0-1", ProcessingType.DYNAMIC, customersFilter());
        String id = sandbox.seed("contacts", List.of(Map.of("email", "x@example.com"))).get(0);

        // when / then
        assertThatThrownBy(() -> client.lists().addMembers(customers.listId(), List.of(id)))
                .isInstanceOf(DynamicListMembershipException.class).hasMessageContaining("DYNAMIC");
        assertThat(sandbox.served().count("lists.memberships.add")).isZero();
    }

    @Test
    void manualList_addAndRemove_reportMissingIds_andPageThroughMembers() {
        // given
        List<String> ids = sandbox.seed("contacts", 600, i -> Map.of("email", "m" + i + "@example.com"));
        HubSpotList manual = client.lists().create("Hand picked", "0-1", ProcessingType.MANUAL, null);

        // when
        MembershipChange added = client.lists().addMembers(manual.listId(),
                java.util.stream.Stream.concat(ids.stream(), java.util.stream.Stream.of("42")).toList());
        MembershipChange removed = client.lists().removeMembers(manual.listId(), ids.subList(0, 100));
        MembershipPage firstPage = client.lists().memberships(manual.listId(), Optional.empty(), 250);

        // then
        assertThat(added.changed()).hasSize(600);
        assertThat(added.missing()).containsExactly("42");
        assertThat(removed.changed()).hasSize(100);
        assertThat(firstPage.recordIds()).hasSize(250).startsWith(ids.get(100));
        assertThat(client.lists().allMembers(manual.listId())).containsExactlyElementsOf(ids.subList(100, 600));
    }

    @Test
    void getList_unknownId_isNotFound() {
        assertThatThrownBy(() -> client.lists().get("987654"))
                .isInstanceOfSatisfying(HubSpotNotFoundException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    private static JsonNode customersFilter() throws Exception {
        return new ObjectMapper().readTree("""
                {"filterBranchType":"OR","filterBranches":[{"filterBranchType":"AND","filters":[
                  {"filterType":"PROPERTY","property":"lifecyclestage",
                   "operation":{"operationType":"MULTISTRING","operator":"IS_EQUAL_TO","values":["customer"]}}]}]}
                """);
    }
}
