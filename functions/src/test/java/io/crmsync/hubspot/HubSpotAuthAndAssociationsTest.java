package io.crmsync.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;


import org.junit.jupiter.api.Test;

import io.crmsync.hubspot.model.Association;
import io.crmsync.hubspot.model.AssociationPair;
import io.crmsync.hubspot.model.BatchError;
import io.crmsync.hubspot.model.PropertyDefinition;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HubSpotAuthAndAssociationsTest extends HubSpotClientTestSupport {

    @Test
    void configuredToken_isSentAsBearer() {
        // given
        sandbox.requireToken(HubSpotSandboxTestResource.TEST_TOKEN);

        // when
        List<PropertyDefinition> properties = client.properties("contacts");

        // then
        assertThat(properties).filteredOn(PropertyDefinition::hasUniqueValue).extracting(PropertyDefinition::name)
                .contains("email");
    }

    @Test
    void rejectedToken_isATypedAuthError_thatNeverShowsTheToken() {
        // given
        sandbox.requireToken("some-other-test-token");

        // when / then
        assertThatThrownBy(() -> client.properties("contacts"))
                .isInstanceOfSatisfying(HubSpotTokenRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.category()).isEqualTo("INVALID_AUTHENTICATION");
                    assertThat(e.getMessage()).doesNotContain(HubSpotSandboxTestResource.TEST_TOKEN);
                });
        // a 401 is sent once more with the token read again (it may have been rotated), and no more than that
        assertThat(client.calls().count("properties")).isEqualTo(2);
    }

    @Test
    void associateDefault_thenRead_fromTheOtherSide() {
        // given
        List<String> contacts = sandbox.seed("contacts", 150, i -> Map.of("email", "a" + i + "@example.com"));
        String company = sandbox.seed("companies", List.of(Map.of("name", "Acme"))).get(0);

        // when
        List<BatchError> errors = client.associations().associateDefault("contacts", "companies",
                contacts.stream().map(c -> new AssociationPair(c, company)).toList());
        Map<String, List<Association>> fromCompany = client.associations().read("companies", "contacts", List.of(company));

        // then
        assertThat(errors).isEmpty();
        assertThat(client.calls().count("associations.batch.associate-default")).isEqualTo(2);
        assertThat(fromCompany.get(company)).extracting(Association::toId).containsExactlyElementsOf(contacts);
        assertThat(fromCompany.get(company).get(0).types()).extracting(Association.AssociationType::typeId)
                .containsExactly(280);
    }

    @Test
    void associateDefault_withAnUnknownRecord_reportsItAsAnError() {
        // given
        String contact = sandbox.seed("contacts", List.of(Map.of("email", "a@example.com"))).get(0);

        // when
        List<BatchError> errors = client.associations().associateDefault("contacts", "companies",
                List.of(new AssociationPair(contact, "123")));

        // then
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.ids()).containsExactly("123"));
    }
}
