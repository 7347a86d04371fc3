package io.crmsync.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmsync.settings.FieldMapping;
import io.crmsync.store.SalesforceType;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Lead conversion through the functions: the lead is converted with the SOAP API's {@code convertLead}, sent as
 * jsforce sends it, and the next poll re-pairs the HubSpot contact with the new Contact, which it follows from then on.
 */
@QuarkusTest
class LeadConversionTest extends CrmPollSupport {

    @ConfigProperty(name = "crmsync.salesforce.client-secret")
    String clientSecret;

    @BeforeEach
    void contactMappings() {
        mappings.replace("contact", List.of(FieldMapping.of("email", "Email"), FieldMapping.of("firstname", "FirstName"),
                FieldMapping.of("lastname", "LastName"), FieldMapping.of("jobtitle", "Title")));
    }

    @Test
    void convertedLead_handsItsHubSpotContactToTheNewContact_whichItFollowsAfterwards() throws Exception {
        // given: a lead synced to a HubSpot contact
        String email = unique("grace") + "@navy.example.com";
        String lead = salesforce().insert("Lead", Map.of("FirstName", "Grace", "LastName", "Hopper",
                "Company", unique("Navy"), "Email", email, "Title", "Commander", "Status", "Working - Contacted"));
        pollAndSync();
        String contactId = pairings.findBySalesforceId("contact", lead).orElseThrow().hubspotId();

        // when: converted in Salesforce through the SOAP API
        String soap = convertLead(lead);
        Matcher converted = Pattern.compile("<contactId>(\\w+)</contactId>").matcher(soap);
        assertThat(converted.find()).as(soap).isTrue();
        String newContact = converted.group(1);
        pollAndSync();

        // then: the same HubSpot contact, no second one, now paired with the Contact
        var pairing = pairings.findByHubspotId("contact", contactId).orElseThrow();
        assertThat(pairing.salesforceId()).isEqualTo(newContact);
        assertThat(pairing.salesforceType()).isEqualTo(SalesforceType.CONTACT);
        assertThat(hubspot().find("contacts", "email", email)).hasSize(1);
        assertThat(salesforce().record("Lead", lead)).containsEntry("IsConverted", true)
                .containsEntry("ConvertedContactId", newContact);

        // when: the Contact changes
        editSalesforce("Contact", newContact, Map.of("Title", "Rear Admiral"));
        pollAndSync();

        // then: the HubSpot contact follows it
        assertThat(hubspot().record("contacts", contactId).orElseThrow()).containsEntry("jobtitle", "Rear Admiral");
    }

    /** {@code conn.soap.convertLead({leadId, convertedStatus, doNotCreateOpportunity})} as jsforce puts it on the wire. */
    private String convertLead(String leadId) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = salesforce().baseUrl();
        String form = "grant_type=client_credentials&client_id=" + SalesforceSandboxTestResource.CLIENT_ID
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        String token = http.send(HttpRequest.newBuilder(URI.create(base + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body()
                .replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        String envelope = """
                <?xml version="1.0" encoding="utf-8"?>
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <soapenv:Header><SessionHeader xmlns="urn:partner.soap.sforce.com"><sessionId>%s</sessionId></SessionHeader></soapenv:Header>
                  <soapenv:Body><convertLead xmlns="urn:partner.soap.sforce.com"><leadConverts>
                    <convertedStatus>Closed - Converted</convertedStatus><doNotCreateOpportunity>true</doNotCreateOpportunity>
                    <leadId>%s</leadId></leadConverts></convertLead></soapenv:Body>
                </soapenv:Envelope>""".formatted(token, leadId);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/services/Soap/u/62.0"))
                .header("Content-Type", "text/xml").header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("<success>true</success>");
        return answer.body();
    }
}
