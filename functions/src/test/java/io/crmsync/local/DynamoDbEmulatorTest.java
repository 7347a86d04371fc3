package io.crmsync.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.crmsync.local.dynamodb.DynamoDbEmulator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The DynamoDB emulator the tests and the local mode run on, through the unchanged AWS SDK client: the DynamoDB
 * behaviour crm-sync's store relies on (conditions, transactions, GSIs, pagination, the item limit) and the validation
 * DynamoDB gives bad requests.
 */
class DynamoDbEmulatorTest {

    private static DynamoDbEmulator emulator;
    private static DynamoDbClient dynamo;
    private static final AtomicInteger TABLES = new AtomicInteger();

    private final String table = "t" + TABLES.incrementAndGet();

    @BeforeAll
    static void start() {
        emulator = DynamoDbEmulator.start(0, null, "(test)");
        dynamo = DynamoDbClient.builder().endpointOverride(URI.create(emulator.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        emulator.close();
    }

    private void createTable() {
        dynamo.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr("pk"), attr("sk"), attr("gpk"), attr("gsk"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("gsi1")
                        .keySchema(key("gpk", KeyType.HASH), key("gsk", KeyType.RANGE))
                        .projection(p -> p.projectionType("ALL")).build()));
    }

    private static AttributeDefinition attr(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static Map<String, AttributeValue> item(String pk, String sk, Object... more) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(pk));
        item.put("sk", AttributeValue.fromS(sk));
        for (int i = 0; i < more.length; i += 2) {
            Object v = more[i + 1];
            item.put((String) more[i], v instanceof AttributeValue a ? a
                    : v instanceof Number n ? AttributeValue.fromN(n.toString()) : AttributeValue.fromS((String) v));
        }
        return item;
    }

    private static Map<String, AttributeValue> keyOf(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    @Test
    void conditionalPut_onAnItemThatExists_failsAndAnswersTheStoredItem() {
        // given a stored item
        createTable();
        dynamo.putItem(r -> r.tableName(table).item(item("a", "1", "version", 3)));

        // when a put "only if absent" asks for the old item on failure
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName(table).item(item("a", "1", "version", 0))
                .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", "pk"))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                // then it fails as DynamoDB does, with the item that stopped it, which stays as it was
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class,
                        e -> assertThat(e.item()).containsEntry("version", AttributeValue.fromN("3")));
        assertThat(dynamo.getItem(r -> r.tableName(table).key(keyOf("a", "1"))).item())
                .containsEntry("version", AttributeValue.fromN("3"));
    }

    @Test
    void transaction_withOneFailedCondition_writesNothing_andNamesTheActionThatFailed() {
        // given one of two items exists
        createTable();
        dynamo.putItem(r -> r.tableName(table).item(item("b", "2", "v", "old")));

        // when a transaction creates both only if absent
        List<TransactWriteItem> actions = List.of(putIfAbsent(item("b", "1", "v", "new")),
                putIfAbsent(item("b", "2", "v", "new")));
        assertThatThrownBy(() -> dynamo.transactWriteItems(r -> r.transactItems(actions)))
                // then it is cancelled with a reason per action
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.cancellationReasons()).extracting(c -> c.code())
                            .containsExactly("None", "ConditionalCheckFailed");
                    assertThat(e.cancellationReasons().get(1).item()).containsEntry("v", AttributeValue.fromS("old"));
                });
        // and nothing of it was written
        assertThat(dynamo.getItem(r -> r.tableName(table).key(keyOf("b", "1"))).hasItem()).isFalse();
    }

    private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build();
    }

    @Test
    void transaction_allConditionsHold_writesEveryAction() {
        createTable();
        dynamo.putItem(r -> r.tableName(table).item(item("c", "1", "n", 1)));

        dynamo.transactWriteItems(r -> r.transactItems(putIfAbsent(item("c", "2")),
                TransactWriteItem.builder().update(Update.builder().tableName(table).key(keyOf("c", "1"))
                        .updateExpression("SET n = n + :one").conditionExpression("n = :one")
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))).build()).build()));

        assertThat(dynamo.getItem(r -> r.tableName(table).key(keyOf("c", "2"))).hasItem()).isTrue();
        assertThat(dynamo.getItem(r -> r.tableName(table).key(keyOf("c", "1"))).item())
                .containsEntry("n", AttributeValue.fromN("2"));
    }

    @Test
    void transaction_touchingOneItemTwice_isRefused() {
        createTable();
        assertThatThrownBy(() -> dynamo.transactWriteItems(r -> r.transactItems(putIfAbsent(item("d", "1")),
                putIfAbsent(item("d", "1")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("multiple operations on one item");
    }

    @Test
    void updateExpression_setAddRemoveAndIfNotExists_answerTheNewValues() {
        // given an item with a counter, a set and a field to remove
        createTable();
        dynamo.putItem(r -> r.tableName(table).item(item("e", "1", "count", 5, "gone", "x",
                "tags", AttributeValue.fromSs(List.of("a")))));

        // when one update adds, sets a default, removes and adds to the set
        var answer = dynamo.updateItem(r -> r.tableName(table).key(keyOf("e", "1"))
                .updateExpression("SET #first = if_not_exists(#first, :now), price = :p REMOVE gone"
                        + " ADD #count :two, tags :b")
                .expressionAttributeNames(Map.of("#first", "firstSeen", "#count", "count"))
                .expressionAttributeValues(Map.of(":now", AttributeValue.fromS("t0"), ":p",
                        AttributeValue.fromN("1.50"), ":two", AttributeValue.fromN("2"), ":b",
                        AttributeValue.fromSs(List.of("b"))))
                .returnValues(ReturnValue.ALL_NEW));

        // then the new item is answered, numbers in DynamoDB's form
        assertThat(answer.attributes()).containsEntry("count", AttributeValue.fromN("7"))
                .containsEntry("firstSeen", AttributeValue.fromS("t0"))
                .containsEntry("price", AttributeValue.fromN("1.5"))
                .doesNotContainKey("gone");
        assertThat(answer.attributes().get("tags").ss()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void updateItem_ofAnAbsentItem_createsIt_unlessItsConditionSaysOtherwise() {
        createTable();
        dynamo.updateItem(r -> r.tableName(table).key(keyOf("f", "1")).updateExpression("ADD hits :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
        assertThat(dynamo.getItem(r -> r.tableName(table).key(keyOf("f", "1"))).item())
                .containsEntry("hits", AttributeValue.fromN("1"));

        assertThatThrownBy(() -> dynamo.updateItem(r -> r.tableName(table).key(keyOf("f", "2"))
                .updateExpression("SET a = :a").conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":a", AttributeValue.fromS("x")))))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(dynamo.getItem(r -> r.tableName(table).key(keyOf("f", "2"))).hasItem()).isFalse();
    }

    @Test
    void query_onAnIndex_withBeginsWith_pagesInOrder_andBackwards() {
        // given five items in one index partition, written out of order, and one that does not match the prefix
        createTable();
        for (int i : new int[] {3, 1, 5, 2, 4}) {
            dynamo.putItem(r -> r.tableName(table).item(item("g", "k" + i, "gpk", "P", "gsk", "err#" + i)));
        }
        dynamo.putItem(r -> r.tableName(table).item(item("g", "other", "gpk", "P", "gsk", "zzz")));

        // when it is read two at a time
        List<String> read = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(r -> r.tableName(table).indexName("gsi1")
                    .keyConditionExpression("gpk = :p AND begins_with(gsk, :prefix)")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("P"), ":prefix",
                            AttributeValue.fromS("err#")))
                    .limit(2).exclusiveStartKey(from));
            page.items().forEach(i -> read.add(i.get("gsk").s()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            pages++;
        } while (start != null);

        // then every matching item comes once, in sort-key order, over three pages
        assertThat(read).containsExactly("err#1", "err#2", "err#3", "err#4", "err#5");
        assertThat(pages).isEqualTo(3);
        var backwards = dynamo.query(r -> r.tableName(table).indexName("gsi1").keyConditionExpression("gpk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("P"))).scanIndexForward(false));
        assertThat(backwards.items().get(0).get("gsk").s()).isEqualTo("zzz");
        assertThat(backwards.count()).isEqualTo(6);
    }

    @Test
    void query_countAndFilter_countWhatMatches() {
        createTable();
        for (int i = 0; i < 4; i++) {
            int n = i;
            dynamo.putItem(r -> r.tableName(table).item(item("h", "s" + n, "open", n % 2 == 0 ? "yes" : "no")));
        }
        var counted = dynamo.query(r -> r.tableName(table).keyConditionExpression("pk = :h")
                .filterExpression("#o = :yes").expressionAttributeNames(Map.of("#o", "open"))
                .expressionAttributeValues(Map.of(":h", AttributeValue.fromS("h"), ":yes", AttributeValue.fromS("yes")))
                .select("COUNT"));
        assertThat(counted.count()).isEqualTo(2);
        assertThat(counted.scannedCount()).isEqualTo(4);
    }

    @Test
    void itemOver400KB_isRefused_withDynamoDbsMessage() {
        createTable();
        String big = "x".repeat(410 * 1024);
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName(table).item(item("i", "1", "big", big))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Item size has exceeded the maximum allowed size");
    }

    @Test
    void badRequests_getDynamoDbsValidationErrors_notServerErrors() {
        createTable();
        // a value the expression does not use
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName(table).item(item("j", "1"))
                .conditionExpression("attribute_not_exists(pk)")
                .expressionAttributeValues(Map.of(":unused", AttributeValue.fromS("x")))))
                .isInstanceOf(DynamoDbException.class).hasMessageContaining("unused in expressions");
        // an empty key
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName(table).item(item("", "1"))))
                .isInstanceOf(DynamoDbException.class).hasMessageContaining("empty string");
        // a syntax error
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName(table).item(item("j", "1"))
                .conditionExpression("attribute_not_exists(pk")))
                .isInstanceOf(DynamoDbException.class).hasMessageContaining("Syntax error");
        // a table that does not exist
        assertThatThrownBy(() -> dynamo.getItem(r -> r.tableName("nope").key(keyOf("a", "b"))))
                .isInstanceOf(ResourceNotFoundException.class);
        // a key attribute of another type than declared
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromN("1"),
                "sk", AttributeValue.fromS("1"))))).isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Type mismatch");
    }

    @Test
    void malformedBodies_getA400_namingWhatIsWrong() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String body : List.of("{not json", "null", "[1]", "{\"TableName\": 5}", "{\"TableName\":\"" + table
                + "\",\"Key\":{\"pk\":{\"S\":1}}}")) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(emulator.endpoint()))
                    .header("X-Amz-Target", "DynamoDB_20120810.GetItem")
                    .header("Content-Type", "application/x-amz-json-1.0")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(answer.body()).as(body).contains("com.amazonaws.dynamodb.v20120810#");
        }
    }

    @Test
    void concurrentCreatesOfOneItem_exactlyOneWins() throws Exception {
        // given 16 writers racing to create the same item "only if absent"
        createTable();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int n = i;
            racers.add(() -> {
                try {
                    dynamo.putItem(r -> r.tableName(table).item(item("race", "1", "writer", n))
                            .conditionExpression("attribute_not_exists(pk)"));
                    return true;
                } catch (ConditionalCheckFailedException e) {
                    return false;
                }
            });
        }
        int winners = 0;
        for (Future<Boolean> f : pool.invokeAll(racers)) {
            winners += f.get() ? 1 : 0;
        }
        pool.shutdown();

        // then one of them created it and the others were told it exists
        assertThat(winners).isEqualTo(1);
    }

    @Test
    void batchGet_answersTheItemsThatExist() {
        createTable();
        dynamo.putItem(r -> r.tableName(table).item(item("k", "1")));
        var answer = dynamo.batchGetItem(r -> r.requestItems(Map.of(table,
                software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
                        .keys(keyOf("k", "1"), keyOf("k", "2")).consistentRead(true).build())));
        assertThat(answer.responses().get(table)).hasSize(1);
        assertThat(answer.unprocessedKeys()).isEmpty();
    }
}
