package io.crmsync.console;

import static io.crmsync.testing.Eventually.eventually;
import static io.crmsync.testing.Eventually.sleep;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.crmsync.local.LocalModeProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The console as a person uses it: a real Chromium against the functions in local mode (the wiring quarkus:dev
 * starts: HTTP API, queues, schedule, sandboxes with the demo data). Each flow of the issue is one test; each page
 * gets a screenshot in target/console-screenshots, after the checks every page must pass (no horizontal scrolling
 * at 1280 px, nothing loaded from another origin). Settings a test changes are put back when it ends.
 */
@QuarkusTest
@TestProfile(LocalModeProfile.class)
class ConsoleBrowserTest {

    private static ConsoleBrowser browser;
    private List<Map<String, Object>> contactMappings;

    // The ports as the application was given them: Quarkus may run LocalModeProfile's port picks in another class
    // loader than this test's.
    @ConfigProperty(name = "crmsync.local.api-port")
    int apiPort;

    @ConfigProperty(name = "crmsync.salesforce.login-url")
    URI salesforceUrl;

    @ConfigProperty(name = "crmsync.hubspot.base-url")
    URI hubspotUrl;

    @ConfigProperty(name = "crmsync.local.poll-interval")
    Duration pollInterval;

    @BeforeEach
    void openBrowser() {
        if (browser == null) {
            browser = ConsoleBrowser.open("http://localhost:" + apiPort);
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @BeforeEach
    void rememberContactMappings() {
        contactMappings = api().get("/settings").jsonPath().getList("mappings.contact");
    }

    @AfterEach
    void restoreContactMappings() {
        api().body(Map.of("mappings", contactMappings)).put("/settings/mappings/contact").then().statusCode(200);
    }

    /** The contact mappings as they were, with {@code property}'s mapping changed (the request body). */
    private Map<String, Object> contactMappingsWith(String property, String salesforceField, String rule) {
        List<Map<String, Object>> changed = contactMappings.stream().map(m -> property.equals(m.get("hubspotProperty"))
                ? Map.<String, Object>of("hubspotProperty", property, "salesforceField", salesforceField, "rule", rule)
                : m).toList();
        assertThat(changed).isNotEqualTo(contactMappings);
        return Map.of("mappings", changed);
    }

    @Test
    void importWizard_reviewThenBegin_showsTheCount_andTheImportFinishesInTheTable() {
        // given the wizard, for leads that have an email
        browser.go("/console/imports/new");
        browser.find(By.xpath("//label[contains(@class,'object-card')][normalize-space()='Leads']")).click();
        browser.find(ConsoleBrowser.text("button", "Add filter")).click();
        browser.choose(browser.byLabel("Filter 1: field"), "Email (Email)");
        browser.choose(browser.byLabel("Operator"), "Is not blank");

        // when the user reviews the import
        browser.find(ConsoleBrowser.text("button", "Review")).click();

        // then the wizard shows the count Salesforce gives for exactly that definition
        long expected = api().body("{\"object\":\"leads\",\"filters\":[{\"field\":\"Email\",\"operator\":\"is_not_blank\"}]}")
                .post("/imports/review").then().statusCode(200).extract().jsonPath().getLong("count");
        WebElement review = browser.find(By.cssSelector(".review-count"));
        assertThat(review.getText()).isEqualTo(String.format("%,d Salesforce records will be imported.", expected));
        browser.screenshot("import-wizard");

        // and when the user begins it, the import table shows it, live, until it completes
        browser.find(ConsoleBrowser.text("button", "Begin import")).click();
        browser.wait.until(ExpectedConditions.urlContains("/console/imports?started="));
        String importId = browser.currentPath().substring(browser.currentPath().indexOf('=') + 1);
        By row = By.cssSelector("tr[data-import-id='" + importId + "']");
        assertThat(browser.find(row).getText()).contains("Leads");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "completed"));
        String finished = browser.find(row).getText();
        assertThat(finished).contains("100%").contains(String.format("%,d of %,d", expected, expected));
        assertThat(api().get("/imports/" + importId).jsonPath().getString("status")).isEqualTo("COMPLETED");
        browser.screenshot("imports");
    }

    @Test
    void syncHealth_anErrorRetriedAfterItsCauseIsFixed_leavesTheList() {
        // given a paired contact whose HubSpot last name was cleared while last name syncs two-way: Salesforce
        // refuses the blank required field, and Sync Health lists the error
        Paired contact = importAndPair("contact8@eu.example.com");
        api().body(contactMappingsWith("lastname", "LastName", "TWO_WAY")).put("/settings/mappings/contact")
                .then().statusCode(200);
        hubspot().body("{\"properties\":{\"lastname\":\"\"}}").patch("/crm/v3/objects/contacts/" + contact.hubspotId())
                .then().statusCode(200);
        // (the contact may also wait for its account, which no test here synced: that is a second, separate error)
        Map<String, Object> error = eventually(() -> openErrorOf(contact.hubspotId(), "REQUIRED_FIELD_MISSING"));
        String errorId = (String) error.get("id");

        browser.go("/console/health");
        By checkbox = By.cssSelector("input[aria-label='Select the " + words((String) error.get("category"))
                + " error of contact " + contact.hubspotId() + "']");
        WebElement errorRow = browser.find(checkbox).findElement(By.xpath("ancestor::tr"));
        assertThat(errorRow.getText()).contains("HubSpot " + contact.hubspotId()).contains("REQUIRED_FIELD_MISSING")
                .contains("LastName");
        browser.screenshot("sync-health");

        // when the user fixes the cause in Settings (last name back to Salesforce-wins) and retries that error
        browser.go("/console/settings");
        WebElement rule = ruleOfMapping("lastname");
        browser.chooseValue(rule, "PREFER_SALESFORCE_UNLESS_BLANK");
        browser.find(ConsoleBrowser.text("button", "Save mappings")).click();
        browser.find(By.xpath("//*[contains(text(),'Mappings saved')]"));
        browser.go("/console/health");
        browser.find(checkbox).click();
        browser.find(ConsoleBrowser.text("button", "Retry selected (1)")).click();
        browser.find(By.xpath("//*[contains(text(),'Queued 1 record for a retry')]"));

        // then the record syncs (Salesforce's last name back in HubSpot) and the error leaves the list
        browser.gone(checkbox);
        assertThat(api().get("/sync-errors?object=contact").asString()).doesNotContain(errorId);
        assertThat(hubspotLastName(contact.hubspotId())).isNotBlank();
    }

    @Test
    void recordPage_foundByEmail_previewsThenResyncs_withTheKeyboardOnly() {
        // given a contact whose company is a Salesforce formula over its account, mapped to HubSpot, and the account
        // renamed: the contact itself did not change, so no poll syncs it; only a resync does
        Paired contact = importAndPair("contact12@eu.example.com");
        api().body(contactMappingsWith("company", "Account_Name__c", "ALWAYS_SALESFORCE"))
                .put("/settings/mappings/contact").then().statusCode(200);
        // (the poll may still sync the echo of the import's own HubSpot write, under the new mapping: wait it out)
        waitUntilQuiet(contact);
        String accountId = salesforce().queryParam("q", "SELECT AccountId FROM Contact WHERE Id = '"
                + contact.salesforceId() + "'").get("/services/data/v62.0/query").jsonPath().getString("records[0].AccountId");
        String renamed = "Renamed " + Instant.now().toEpochMilli();
        salesforce().body("{\"Name\":\"" + renamed + "\"}").patch("/services/data/v62.0/sobjects/Account/" + accountId)
                .then().statusCode(204);

        // when the user, with the keyboard only, searches the contact by email and opens it
        browser.go("/console/records");
        browser.tabTo(e -> "search".equals(e.getAttribute("type")), "the search box");
        browser.press("contact12@eu.example.com");
        browser.screenshot("records-search");
        browser.press(Keys.ENTER);
        browser.wait.until(ExpectedConditions.urlContains("/console/records/contact/" + contact.hubspotId()));
        WebElement company = browser.find(By.xpath("//tr[th[normalize-space()='company']]"));
        assertThat(company.getText()).contains(renamed);
        assertThat(company.getAttribute("class")).contains("differs");

        // and previews a resync
        browser.tabTo(e -> "Preview resync".equals(e.getText()), "Preview resync");
        browser.press(Keys.ENTER);
        WebElement preview = browser.find(By.cssSelector(".resync"));
        assertThat(preview.getText()).contains("Preview").contains("company").contains(renamed)
                .contains("Salesforce → HubSpot");
        assertThat(hubspotProperty(contact.hubspotId(), "company")).isNotEqualTo(renamed);

        // and resyncs it
        browser.tabTo(e -> "Resync now".equals(e.getText()), "Resync now");
        browser.press(Keys.ENTER);

        // then HubSpot has the account's new name, and the page shows both sides agreeing
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".resync"), "Synced."));
        assertThat(hubspotProperty(contact.hubspotId(), "company")).isEqualTo(renamed);
        browser.wait.until(d -> !browser.find(By.xpath("//tr[th[normalize-space()='company']]")).getAttribute("class")
                .contains("differs"));
        browser.screenshot("record");
    }

    @Test
    void settings_aMappingBothCrmsCannotSync_showsTheApiErrorAtThatField_andSavesNothing() {
        // given the contact mappings in Settings
        browser.go("/console/settings");
        WebElement salesforceField = fieldOfMapping("jobtitle");

        // when the user maps job title two-way onto a Salesforce formula field, which Salesforce cannot write
        browser.chooseValue(salesforceField, "Full_Name__c");
        browser.chooseValue(ruleOfMapping("jobtitle"), "TWO_WAY");
        browser.find(ConsoleBrowser.text("button", "Save mappings")).click();

        // then the API's own message shows under that field, and nothing was saved
        String apiMessage = api().body(contactMappingsWith("jobtitle", "Full_Name__c", "TWO_WAY"))
                .put("/settings/mappings/contact").then().statusCode(400).extract().jsonPath().getString("error.message");
        WebElement error = browser.find(By.id(salesforceField.getAttribute("aria-describedby")));
        assertThat(error.getText()).isEqualTo(apiMessage);
        assertThat(salesforceField.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(api().get("/settings").jsonPath().getList("mappings.contact.salesforceField")).contains("Title")
                .doesNotContain("Full_Name__c");
        browser.screenshot("settings");
    }

    @Test
    void settings_customObjectsAndDefaultOwners_showTheApiErrorsAtTheirFields_andSave() {
        // given the settings that hold for every object
        int pairs = api().get("/settings/custom-objects").jsonPath().getList("customObjects").size();
        Map<String, Object> owners = api().get("/settings/default-owners").jsonPath().getMap("");
        browser.go("/console/settings");

        // when the user adds a custom object named without its __c and saves
        browser.find(ConsoleBrowser.text("button", "Add custom object")).click();
        WebElement salesforceObject = browser.byLabel("Pair " + (pairs + 1) + ": Salesforce object");
        salesforceObject.sendKeys("Invoice");
        browser.byLabel("Pair " + (pairs + 1) + ": HubSpot object").sendKeys("invoices");
        browser.find(ConsoleBrowser.text("button", "Save custom objects")).click();

        // then the API's message shows at that input, and nothing was saved
        browser.wait.until(d -> "true".equals(salesforceObject.getAttribute("aria-invalid")));
        String customObjectMessage = browser.find(By.id(salesforceObject.getAttribute("aria-describedby")
                .split(" ")[0])).getText();
        assertThat(customObjectMessage).contains("__c").contains("'Invoice'");
        assertThat(api().get("/settings/custom-objects").jsonPath().getList("customObjects")).hasSize(pairs);

        // when the user names a HubSpot owner the portal does not have
        WebElement owner = browser.byLabel("HubSpot owner id");
        owner.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        owner.sendKeys("987654321");
        browser.find(ConsoleBrowser.text("button", "Save default owners")).click();

        // then the API's own message shows under that field
        String ownerMessage = api().body(Map.of("hubspotOwnerId", "987654321")).put("/settings/default-owners").then()
                .statusCode(400).extract().jsonPath().getString("error.message");
        browser.wait.until(d -> "true".equals(owner.getAttribute("aria-invalid")));
        String describedBy = owner.getAttribute("aria-describedby");
        assertThat(browser.find(By.id(describedBy.substring(describedBy.lastIndexOf(' ') + 1))).getText())
                .isEqualTo(ownerMessage);
        browser.screenshot("settings-every-object");

        // and when the owner is put back as it was, the save goes through (keys, so the page sees the input)
        owner.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        Object before = owners.get("hubspotOwnerId");
        if (before != null) {
            owner.sendKeys(before.toString());
        }
        browser.find(ConsoleBrowser.text("button", "Save default owners")).click();
        browser.find(ConsoleBrowser.text("div", "Default owners saved."));
        assertThat(api().get("/settings/default-owners").jsonPath().getString("hubspotOwnerId"))
                .isEqualTo(owners.get("hubspotOwnerId"));
    }

    @Test
    void syncHealth_aSpentHubSpotDailyLimit_showsABannerSayingWhichSideSinceWhenAndWhenItResumes() {
        // given the HubSpot portal's daily calls spent, and an import that has contacts to write there: its worker
        // meets the limit and pauses until HubSpot's reset
        hubspot().body("{\"exhaustBudget\":true}").put("/sandbox/faults").then().statusCode(204);
        try {
            api().body("{\"object\":\"contacts\",\"filters\":[{\"field\":\"Email\",\"operator\":\"eq\","
                    + "\"value\":\"contact8@eu.example.com\"}]}").post("/imports").then().statusCode(202);
            JsonPath usage = eventually(() -> {
                JsonPath answer = api().get("/api-usage").jsonPath();
                return answer.getList("paused.crm").contains("hubspot") ? answer : null;
            });

            // when
            browser.go("/console/health");

            // then
            WebElement banner = browser.find(By.cssSelector(".limit-pause[data-crm='hubspot']"));
            assertThat(banner.getAttribute("role")).isEqualTo("status");
            assertThat(banner.getText()).contains("the HubSpot daily API limit is spent").contains("Paused since")
                    .contains("work resumes at").contains(dateTimeAsTheConsoleShowsIt(usage.getString(
                            "paused.find { it.crm == 'hubspot' }.until")));
            browser.screenshot("sync-health-paused");
        } finally {
            hubspot().body("{\"exhaustBudget\":false}").put("/sandbox/faults").then().statusCode(204);
        }
    }

    /** The console's dateTime(): en-GB, day month hour:minute:second, in the browser's time zone. */
    private static String dateTimeAsTheConsoleShowsIt(String iso) {
        return (String) browser.js("return new Date(arguments[0]).toLocaleString('en-GB', { day: 'numeric',"
                + " month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' })", iso);
    }

    // ---------------------------------------------------------------------------------------------------------

    private record Paired(String hubspotId, String salesforceId) {
    }

    /** Imports one demo contact (in the demo segment, so the import's follow-up sync pairs it) and waits for it. */
    private Paired importAndPair(String email) {
        String importId = api().body("{\"object\":\"contacts\",\"filters\":[{\"field\":\"Email\",\"operator\":\"eq\","
                + "\"value\":\"" + email + "\"}]}").post("/imports").then().statusCode(202).extract().path("importId");
        eventually(() -> api().get("/imports/" + importId).jsonPath().getString("status").startsWith("COMPLETED") ? "" : null);
        String salesforceId = salesforce().queryParam("q", "SELECT Id FROM Contact WHERE Email = '" + email + "'")
                .get("/services/data/v62.0/query").jsonPath().getString("records[0].Id");
        JsonPath pairing = eventually(() -> {
            var answer = api().get("/pairings/contact/" + salesforceId);
            return answer.statusCode() == 200 && answer.jsonPath().getString("lastSyncedAt") != null ? answer.jsonPath() : null;
        });
        return new Paired(pairing.getString("hubspotId"), salesforceId);
    }

    /** Waits until the pairing's version holds still over three poll intervals (1 s each in this profile). */
    private void waitUntilQuiet(Paired contact) {
        eventually(() -> {
            long before = api().get("/pairings/contact/" + contact.hubspotId()).jsonPath().getLong("version");
            sleep(pollInterval.multipliedBy(3));
            long after = api().get("/pairings/contact/" + contact.hubspotId()).jsonPath().getLong("version");
            return before == after ? after : null;
        });
    }

    /** The open Sync Health error of the contact whose message names {@code code}, or null while there is none. */
    private Map<String, Object> openErrorOf(String hubspotId, String code) {
        List<Map<String, Object>> errors = api().get("/sync-errors?object=contact").jsonPath()
                .getList("objects[0].categories.errors.flatten()");
        return errors.stream().filter(e -> hubspotId.equals(e.get("hubspotId")))
                .filter(e -> String.valueOf(e.get("message")).contains(code)).findFirst().orElse(null);
    }

    /** The console's wording of a category constant, lower case ("REQUIRED_FIELD" -> "required field"). */
    private static String words(String constant) {
        return constant.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    }

    private String hubspotLastName(String hubspotId) {
        return hubspotProperty(hubspotId, "lastname");
    }

    private String hubspotProperty(String hubspotId, String property) {
        return hubspot().get("/crm/v3/objects/contacts/" + hubspotId + "?properties=" + property).jsonPath()
                .getString("properties." + property);
    }

    /** The Salesforce field select of the mapping row whose HubSpot property is {@code property}. */
    private static WebElement fieldOfMapping(String property) {
        return mappingRow(property).findElements(By.tagName("select")).get(1);
    }

    private static WebElement ruleOfMapping(String property) {
        return mappingRow(property).findElements(By.tagName("select")).get(2);
    }

    /** The mapping row whose HubSpot property select shows {@code property} (a select's value is not an attribute). */
    private static WebElement mappingRow(String property) {
        browser.find(By.cssSelector("table.mappings select"));
        return (WebElement) browser.js("return [...document.querySelectorAll('table.mappings tbody tr')]"
                + ".find(tr => tr.querySelector('select').value === arguments[0])", property);
    }

    private RequestSpecification api() {
        return given().port(apiPort).contentType("application/json");
    }

    private RequestSpecification salesforce() {
        return given().port(salesforceUrl.getPort()).auth().oauth2("local").contentType("application/json");
    }

    private RequestSpecification hubspot() {
        return given().port(hubspotUrl.getPort()).auth().oauth2("local").contentType("application/json");
    }
}
