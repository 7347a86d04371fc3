package io.crmsync.packaged;

import static io.crmsync.testing.LambdaEvents.httpRequest;
import static io.crmsync.testing.LambdaEvents.messageIds;
import static io.crmsync.testing.LambdaEvents.scheduled;
import static io.crmsync.testing.LambdaEvents.sqsBatch;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What {@code sam deploy} ships, run as Lambda runs it: {@code target/function.zip} unzipped into a task root, each
 * function of template.yaml in its own JVM under AWS's runtime interface client, with exactly the environment the
 * template gives it, its credentials in SSM, and the DynamoDB emulator, ElasticMQ and the CRM sandboxes as AWS and the
 * CRMs. Every function gets real events; any start-up failure, error answer or wrong answer fails the test.
 * Runs in the integration-test phase ({@code ./mvnw verify}), after {@code function.zip} is built.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedFunctionsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONTACTS = 30;

    private static PackagedStack stack;
    private static final Map<String, PackagedFunction> functions = new ConcurrentHashMap<>();
    private static List<String> contactIds;

    @BeforeAll
    static void deployEveryFunction() throws Exception {
        stack = PackagedStack.start("functions-it");
        // records last changed a month ago: the import brings them, a poll does not see them as changes
        var longAgo = java.time.Clock.fixed(Instant.now().minus(30, ChronoUnit.DAYS), java.time.ZoneOffset.UTC);
        stack.salesforce.clock(longAgo);
        contactIds = stack.salesforce.seed("Contact", CONTACTS, i -> Map.of("FirstName", "Ada", "LastName", "Lovelace " + i,
                "Email", "ada" + i + "@example.com", "Title", "Engineer"));
        stack.salesforce.clock(java.time.Clock.systemUTC());
        // started side by side, as five Lambda functions are
        stack.functionLogicalIds().parallelStream().forEach(id -> {
            PackagedFunction function = stack.start(id, false);
            functions.put(function.export(), function);
        });
    }

    @AfterAll
    static void tearDown() {
        functions.values().forEach(PackagedFunction::close);
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void functionZip_holdsEachFileOnce_andNothingOnlyTestsOrLocalModeUse() throws IOException {
        Path zip = Path.of(System.getProperty("packaged.target", "target"), "function.zip");
        List<String> names;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            names = file.stream().map(e -> e.getName()).toList();
        }
        // the artifact tested here is the one template.yaml deploys
        Object codeUri = ((Map<?, ?>) stack.template.globals().get("Function")).get("CodeUri");
        Path deployed = io.crmsync.infra.TemplateDefinitions.locate().toAbsolutePath().getParent().resolve(codeUri.toString());
        assertThat(deployed.normalize()).isEqualTo(zip.toAbsolutePath().normalize());
        assertThat(stack.duplicateEntries).as("entries function.zip holds twice").isEmpty();
        assertThat(names).noneMatch(n -> n.startsWith("io/crmsync/sandbox/") || n.startsWith("io/crmsync/local/")
                || n.startsWith("io/crmsync/infra/"));
        assertThat(names.stream().filter(n -> n.startsWith("lib/")))
                .noneMatch(n -> n.contains("io.vertx.vertx-web-4") || n.contains("DynamoDBLocal") || n.contains("elasticmq")
                        || n.contains("sqlite4java") || n.contains("crm-sync-sandboxes") || n.contains("crm-sync-local")
                        || n.contains("snakeyaml") || n.contains("pekko") || n.contains("scala-library")
                        || n.contains("log4j2-jboss-logmanager"));
        System.out.printf("function.zip: %,d bytes, %d entries%n", Files.size(zip), names.size());
    }

    @Test
    @Order(2)
    void api_answersRoutesThatReachBothCrms() {
        // DynamoDB only
        assertThat(api("GET", "/imports", null).path("imports").isArray()).isTrue();
        // Salesforce: one COUNT() query
        assertThat(api("POST", "/imports/review", "{\"object\":\"contacts\"}").path("count").asInt()).isEqualTo(CONTACTS);
        // HubSpot and the table
        assertThat(api("GET", "/settings", null).path("mappings").has("contact")).isTrue();
        // both CRMs' limits
        JsonNode usage = api("GET", "/api-usage", null);
        assertThat(usage.toString()).contains("salesforce").contains("hubspot");
        // refused input still answers as the API does, never as a crash
        assertThat(apiStatus("GET", "/no-such-route", null)).isEqualTo(404);
        assertThat(apiStatus("POST", "/imports", "{")).isEqualTo(400);
    }

    @Test
    @Order(2)
    void api_servesTheConsole_fromTheArtifact_withNothingFromAnotherOrigin() {
        // the page, as API Gateway hands it to the browser
        JsonNode page = invokeOk("api", httpRequest("GET", "/console/", null, null));
        assertThat(page.path("statusCode").asInt()).isEqualTo(200);
        assertThat(page.path("headers").path("Content-Type").asText()).isEqualTo("text/html; charset=utf-8");
        String html = new String(java.util.Base64.getDecoder().decode(page.path("body").asText()),
                java.nio.charset.StandardCharsets.UTF_8);
        // every script and stylesheet it loads is one of the console's own files, and the artifact serves each
        var references = java.util.regex.Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html).results()
                .map(m -> m.group(1)).toList();
        assertThat(references).isNotEmpty().allSatisfy(ref -> assertThat(ref).startsWith("/console/"));
        assertThat(html).doesNotContain("http://").doesNotContain("https://");
        for (String ref : references) {
            JsonNode file = invokeOk("api", httpRequest("GET", ref, null, null));
            assertThat(file.path("statusCode").asInt()).as(ref).isEqualTo(200);
            assertThat(file.path("headers").path("Content-Type").asText()).as(ref)
                    .isIn("text/javascript; charset=utf-8", "text/css; charset=utf-8", "image/svg+xml");
        }
        // and the JSON API is unchanged beside it
        assertThat(api("GET", "/console/config.json", null).has("auth")).isTrue();
    }

    @Test
    @Order(3)
    void importChunk_importsAPage_andReportsOnlyTheBadMessage() {
        // given an import started through the API, whose first page waits in the queue
        String importId = api("POST", "/imports", "{\"object\":\"contacts\"}").path("importId").asText();
        Message chunk = receiveOne("ImportChunksQueue");

        // when Lambda's SQS event source hands importChunk that page and a message it can never process
        Map<String, Object> event = sqsBatch(arn("ImportChunksQueue"), List.of(chunk.body(), "{\"page\":2}"));
        JsonNode answer = invokeOk("importChunk", event);

        // then only the bad message goes back to the queue, and the contacts are in HubSpot
        assertThat(failedItems(answer)).containsExactly(messageIds(event).get(1));
        assertThat(stack.hubspot.count("contacts")).isEqualTo(CONTACTS);
        JsonNode job = api("GET", "/imports/" + importId, null);
        assertThat(job.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(job.path("created").asInt()).isEqualTo(CONTACTS);
    }

    @Test
    @Order(4)
    void syncBatch_syncsTheImportsFollowUp_andReportsOnlyTheBadMessage() {
        // given the sync the import queued for the contacts it brought
        Message batch = receiveOne("SyncBatchesQueue");

        // when syncBatch gets it beside a message without records
        Map<String, Object> event = sqsBatch(arn("SyncBatchesQueue"), List.of(batch.body(), "{\"batchId\":\"b\"}"));
        JsonNode answer = invokeOk("syncBatch", event);

        // then only the bad one is reported, and HubSpot holds the Salesforce values of the mapped fields
        assertThat(failedItems(answer)).containsExactly(messageIds(event).get(1));
        assertThat(hubspotContactByEmail("ada7@example.com")).containsEntry("lastname", "Lovelace 7");
    }

    @Test
    @Order(5)
    void poll_findsASalesforceChange_andItsSyncReachesHubSpot() {
        // given a Salesforce user changes a title
        var store = stack.salesforce.store();
        store.update(store.schema().object("Contact").orElseThrow(), contactIds.get(3), Map.of("Title", "CTO"));

        // when the schedule fires the poller
        JsonNode summary = invokeOk("poll", scheduled(Instant.now().toString()));
        assertThat(summary.toString()).contains("contact");

        // then the batches it queued, synced, carry the title to HubSpot
        List<String> batches = receiveAll("SyncBatchesQueue");
        assertThat(batches).isNotEmpty();
        JsonNode answer = invokeOk("syncBatch", sqsBatch(arn("SyncBatchesQueue"), batches));
        assertThat(failedItems(answer)).isEmpty();
        assertThat(hubspotContactByEmail("ada3@example.com")).containsEntry("jobtitle", "CTO");
    }

    @Test
    @Order(5)
    void syncBatch_runsTheMessagesOfOneSqsBatchAtOnce_andReportsOnlyTheBadMessage() {
        // given four sync messages of two synced contacts each, whose Salesforce titles changed, and HubSpot answering
        // each call after 300 ms as the real API does
        var store = stack.salesforce.store();
        var contact = store.schema().object("Contact").orElseThrow();
        List<String> bodies = new ArrayList<>();
        for (int message = 0; message < 4; message++) {
            List<String> refs = new ArrayList<>();
            for (int i = 10 + 2 * message; i < 12 + 2 * message; i++) {
                store.update(contact, contactIds.get(i), Map.of("Title", "Architect " + i));
                refs.add("{\"hubspotId\":\"" + hubspotContactByEmail("ada" + i + "@example.com").get("hs_object_id")
                        + "\"}");
            }
            bodies.add("{\"batchId\":\"at-once-" + message + "\",\"object\":\"contact\",\"reason\":\"POLL\","
                    + "\"records\":[" + String.join(",", refs) + "]}");
        }
        bodies.add(2, "{\"batchId\":\"no-records\",\"object\":\"contact\"}");
        stack.hubspot.faults().latency(java.time.Duration.ofMillis(300));
        stack.hubspot.inFlight().resetPeak();
        JsonNode answer;
        try {
            // when Lambda's SQS event source hands syncBatch the five messages as one event (the template's BatchSize)
            Map<String, Object> event = sqsBatch(arn("SyncBatchesQueue"), bodies);
            answer = invokeOk("syncBatch", event);

            // then only the bad one is reported, the others' HubSpot calls overlapped (one message alone never has
            // two HubSpot calls in flight: its one read, then its one update), and every title reached HubSpot
            assertThat(failedItems(answer)).containsExactly(messageIds(event).get(2));
        } finally {
            stack.hubspot.faults().latency(java.time.Duration.ZERO);
        }
        int peak = stack.hubspot.inFlight().peak();
        System.out.printf("syncBatch of 4 messages at once: HubSpot calls in flight at most %d%n", peak);
        assertThat(peak).as("HubSpot calls in flight at once").isGreaterThanOrEqualTo(3);
        for (int i = 10; i < 18; i++) {
            assertThat(hubspotContactByEmail("ada" + i + "@example.com")).containsEntry("jobtitle", "Architect " + i);
        }
    }

    @Test
    @Order(6)
    void importDeadLetter_marksTheImportWhoseChunkReachedTheDlqFailed() {
        // given an import whose first chunk failed until SQS moved it to the dead-letter queue
        String importId = api("POST", "/imports", "{\"object\":\"leads\"}").path("importId").asText();
        Message chunk = receiveOne("ImportChunksQueue");

        // when the dead-letter consumer receives it
        JsonNode answer = invokeOk("importDeadLetter", sqsBatch(arn("ImportChunksDeadLetterQueue"), List.of(chunk.body())));

        // then the import shows FAILED with the reason, so no job stays RUNNING
        assertThat(failedItems(answer)).isEmpty();
        JsonNode job = api("GET", "/imports/" + importId, null);
        assertThat(job.path("status").asText()).isEqualTo("FAILED");
        assertThat(job.path("failureReason").asText()).isNotBlank();
    }

    @Test
    @Order(6)
    void api_takesASignedHubSpotWebhook_outsideIam_andQueuesItsEvents_refusingABadSignature() {
        // given HubSpot's webhook for a title changed on a synced contact, signed with the app secret from SSM
        String hubspotId = hubspotContactByEmail("ada5@example.com").get("hs_object_id");
        String body = "[{\"eventId\":91001,\"subscriptionId\":1,\"portalId\":62515,\"appId\":" + PackagedStack.HUBSPOT_APP_ID
                + ",\"occurredAt\":" + Instant.now().toEpochMilli() + ",\"subscriptionType\":\"contact.propertyChange\","
                + "\"attemptNumber\":0,\"objectId\":" + hubspotId + ",\"propertyName\":\"jobtitle\",\"propertyValue\":\"x\","
                + "\"changeSource\":\"CRM_UI\",\"sourceId\":\"userId:1\"}]";
        String host = "abc123.execute-api.us-east-1.amazonaws.com";
        String timestamp = String.valueOf(Instant.now().toEpochMilli());
        String signature = io.crmsync.events.hubspot.WebhookSignature.signature(PackagedStack.HUBSPOT_APP_SECRET,
                "POST", "https://" + host + "/webhooks/hubspot", body, timestamp);

        // when API Gateway hands the api function the request, and then the same with a forged signature
        JsonNode accepted = invokeOk("api", httpRequest("POST", "/webhooks/hubspot", null, body, Map.of("host", host,
                "x-forwarded-proto", "https", "x-hubspot-request-timestamp", timestamp,
                "x-hubspot-signature-v3", signature)));
        JsonNode forged = invokeOk("api", httpRequest("POST", "/webhooks/hubspot", null, body, Map.of("host", host,
                "x-forwarded-proto", "https", "x-hubspot-request-timestamp", timestamp,
                "x-hubspot-signature-v3", signature.substring(1) + "A")));

        // then the event waits on the sync queue for that contact, and the forgery queued nothing
        assertThat(accepted.path("statusCode").asInt()).as(accepted.toString()).isEqualTo(200);
        assertThat(forged.path("statusCode").asInt()).isEqualTo(401);
        List<String> queued = receiveAll("SyncBatchesQueue");
        assertThat(queued).hasSize(1);
        assertThat(queued.get(0)).contains("\"hubspotId\":\"" + hubspotId + "\"").contains("\"reason\":\"EVENT\"");
    }

    @Test
    @Order(6)
    void changeEvents_turnsARelayedSalesforceChangeIntoSyncWork_andReportsOnlyTheBadMessage() {
        // given the Salesforce org's change event for a person's edit, as the EventBridge rule puts it on the queue
        List<String> relayed = java.util.Collections.synchronizedList(new ArrayList<>());
        stack.salesforce.changeEvents().select("Contact").relay(relayed::add);
        var store = stack.salesforce.store();
        store.update(store.schema().object("Contact").orElseThrow(), contactIds.get(6), Map.of("Title", "CFO"));
        stack.salesforce.changeEvents().flush();
        assertThat(relayed).hasSize(1);

        // when changeEvents gets it beside a message that is no change event
        Map<String, Object> event = sqsBatch(arn("SalesforceChangeEventsQueue"), List.of(relayed.get(0), "{\"id\":\"x\"}"));
        JsonNode answer = invokeOk("changeEvents", event);

        // then only the bad one is reported, and the queued sync carries the title to HubSpot
        assertThat(failedItems(answer)).containsExactly(messageIds(event).get(1));
        List<String> batches = receiveAll("SyncBatchesQueue");
        assertThat(batches).hasSize(1);
        assertThat(failedItems(invokeOk("syncBatch", sqsBatch(arn("SyncBatchesQueue"), batches)))).isEmpty();
        assertThat(hubspotContactByEmail("ada6@example.com")).containsEntry("jobtitle", "CFO");
    }

    @Test
    @Order(7)
    void credentials_comeFromSsmDecrypted_andNoFunctionLogsThem() {
        assertThat(stack.ssm.requests()).isNotEmpty().allMatch(SsmStandIn.Request::withDecryption);
        String keyBody = stack.privateKeyPem.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        for (PackagedFunction function : functions.values()) {
            assertThat(function.log()).as(function.export() + "'s log")
                    .doesNotContain(stack.hubspotToken).doesNotContain(keyBody)
                    .doesNotContain(PackagedStack.HUBSPOT_APP_SECRET);
        }
    }

    @Test
    @Order(8)
    void eachFunction_callsOnlyWhatItsRoleInTheTemplateAllows() {
        // after every function above ran its real work, hold what each called against its role
        Map<String, List<String>> denied = new java.util.TreeMap<>();
        for (String logicalId : stack.functionLogicalIds()) {
            String export = stack.deployment(logicalId).export();
            String key = PackagedStack.accessKeyOf(export);
            var grants = stack.grants(logicalId);
            List<RolePolicies.Grant> used = new ArrayList<>();
            for (var call : concat(stack.dynamoCalls.calls(), stack.sqsCalls.calls())) {
                if (call.accessKeyId().equals(key)) {
                    used.add(new RolePolicies.Grant(call.action(), RolePolicies.resourceOf(call)));
                }
            }
            stack.ssm.requests().stream().filter(r -> r.accessKeyId().equals(key))
                    .forEach(r -> used.add(new RolePolicies.Grant("ssm:GetParameter", "ssm:" + r.name())));
            List<String> refused = used.stream().filter(g -> !grants.contains(g)).map(Object::toString).distinct().toList();
            if (!refused.isEmpty()) {
                denied.put(export, refused);
            }
            System.out.printf("%s used %s%n", export, new java.util.TreeSet<>(used.stream()
                    .map(g -> g.action() + " on " + g.resource()).toList()));
        }
        assertThat(denied).as("calls AWS would refuse with AccessDenied (function -> action on resource)").isEmpty();
        // the dead-letter consumer touches no CRM, so it holds no CRM credential
        assertThat(stack.grants("ImportDeadLetterFunction")).noneMatch(g -> g.action().startsWith("ssm:"));
        // the change-event consumer never calls Salesforce, so it holds no Salesforce credential
        assertThat(stack.grants("ChangeEventsFunction"))
                .noneMatch(g -> g.action().startsWith("ssm:") && g.resource().contains("salesforce"));
    }

    @Test
    @Order(9)
    void api_initialisedForSnapStart_checkpointsRestoresAndAnswers() {
        // given the api function initialised as SnapStart does before taking the snapshot (the runtime runs the
        // checkpoint hooks, waits for restore/next, then runs the restore hooks)
        try (PackagedFunction snapStarted = stack.start("ApiFunction", true)) {
            // when an event arrives after the restore
            JsonNode response = parse(snapStarted.invokeOk(write(httpRequest("POST", "/imports/review", null,
                    "{\"object\":\"contacts\"}"))));

            // then it answers from fresh connections and credentials, as a restored copy must
            assertThat(response.path("statusCode").asInt()).isEqualTo(200);
            assertThat(parse(response.path("body").asText()).path("count").asInt()).isEqualTo(CONTACTS);
            assertThat(snapStarted.log()).doesNotContain("Exception").doesNotContain("ERROR");
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private static String write(Object event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static JsonNode api(String method, String path, String body) {
        JsonNode response = invokeOk("api", httpRequest(method, path, null, body));
        int status = response.path("statusCode").asInt();
        assertThat(status).as(method + " " + path + " -> " + response).isBetween(200, 299);
        return parse(response.path("body").asText());
    }

    private static int apiStatus(String method, String path, String body) {
        JsonNode response = invokeOk("api", httpRequest(method, path, null, body));
        assertThat(parse(response.path("body").asText()).path("error").path("code").asText()).isNotBlank();
        return response.path("statusCode").asInt();
    }

    private static JsonNode invokeOk(String export, Object event) {
        PackagedFunction function = functions.get(export);
        assertThat(function).as("a function exporting " + export + " in template.yaml").isNotNull();
        try {
            return parse(function.invokeOk(JSON.writeValueAsString(event)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> failedItems(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.path("batchItemFailures").forEach(f -> ids.add(f.path("itemIdentifier").asText()));
        return ids;
    }

    private static Message receiveOne(String queueLogicalId) {
        try (SqsClient sqs = stack.aws.newSqsClient()) {
            String url = stack.aws.queueUrl(queueLogicalId);
            for (int attempt = 0; attempt < 10; attempt++) {
                var messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(1).waitTimeSeconds(1)).messages();
                if (!messages.isEmpty()) {
                    Message message = messages.get(0);
                    sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
                    return message;
                }
            }
        }
        throw new AssertionError("No message arrived on " + queueLogicalId);
    }

    private static List<String> receiveAll(String queueLogicalId) {
        List<String> bodies = new ArrayList<>();
        try (SqsClient sqs = stack.aws.newSqsClient()) {
            String url = stack.aws.queueUrl(queueLogicalId);
            while (true) {
                var messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
                if (messages.isEmpty()) {
                    // the functions answered after sending: done once the queue holds nothing (visible, in flight or
                    // delayed), without sitting out a long poll on the emptied queue
                    var counts = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
                    if (counts.values().stream().allMatch("0"::equals)) {
                        return bodies;
                    }
                    messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                            .messages();
                    if (messages.isEmpty()) {
                        return bodies;
                    }
                }
                for (Message message : messages) {
                    bodies.add(message.body());
                    sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
                }
            }
        }
    }

    private static String arn(String queueLogicalId) {
        String url = stack.aws.queueUrl(queueLogicalId);
        return "arn:aws:sqs:us-east-1:000000000000:" + url.substring(url.lastIndexOf('/') + 1);
    }

    private static Map<String, String> hubspotContactByEmail(String email) {
        List<Map<String, String>> found = stack.hubspot.find("contacts", "email", email);
        assertThat(found).as("HubSpot contacts with email " + email).hasSize(1);
        return found.get(0);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON: " + json, e);
        }
    }
}
