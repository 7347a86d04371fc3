package io.crmsync.testing;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.response.Response;

/**
 * Builds Lambda event JSON exactly as AWS sends it and posts it to Quarkus' mock Lambda event server, so tests go
 * through the same deserialization and Funqy dispatch as a deployed function.
 */
public final class LambdaEvents {

    /**
     * Quarkus' mock Lambda event server in test mode. It listens on a free port (test-port=0 in
     * application.properties, so that two builds can run side by side); Quarkus publishes where.
     */
    private static String mockEventServer() {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        return config.getOptionalValue("quarkus-internal.aws-lambda.test-api", String.class)
                .map(hostPort -> "http://" + hostPort)
                .orElseGet(() -> "http://localhost:" + config.getOptionalValue(
                        "quarkus.lambda.mock-event-server.test-port", Integer.class).orElse(8081));
    }

    private LambdaEvents() {
    }

    /** An API Gateway HTTP API (payload 2.0) request. */
    public static Map<String, Object> httpRequest(String method, String path, String query, String body) {
        return httpRequest(method, path, query, body, Map.of());
    }

    /** With request headers (names in lower case, as API Gateway sends them) beside the JSON content type. */
    public static Map<String, Object> httpRequest(String method, String path, String query, String body,
            Map<String, String> headers) {
        Map<String, Object> http = Map.of("method", method, "path", path, "protocol", "HTTP/1.1", "sourceIp", "127.0.0.1");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", "ANY /{proxy+}");
        event.put("rawPath", path);
        event.put("rawQueryString", query == null ? "" : query);
        Map<String, String> allHeaders = new LinkedHashMap<>(headers);
        allHeaders.putIfAbsent("content-type", "application/json");
        event.put("headers", allHeaders);
        event.put("requestContext", Map.of("http", http, "requestId", UUID.randomUUID().toString(), "stage", "$default"));
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return event;
    }

    /** An SQS event source batch: one record per body, each with its own message id. */
    public static Map<String, Object> sqsBatch(String queueArn, List<String> bodies) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (String body : bodies) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("messageId", UUID.randomUUID().toString());
            record.put("receiptHandle", UUID.randomUUID().toString());
            record.put("body", body);
            record.put("attributes", Map.of("ApproximateReceiveCount", "1", "SentTimestamp", "1700000000000"));
            record.put("messageAttributes", Map.of());
            record.put("md5OfBody", "");
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", "us-east-1");
            records.add(record);
        }
        return Map.of("Records", records);
    }

    /** An EventBridge scheduled event. */
    public static Map<String, Object> scheduled(String time) {
        return Map.of("version", "0", "id", UUID.randomUUID().toString(), "detail-type", "Scheduled Event",
                "source", "aws.events", "account", "123456789012", "time", time, "region", "us-east-1",
                "resources", List.of("arn:aws:events:us-east-1:123456789012:rule/crm-sync-poll"), "detail", Map.of());
    }

    public static Response invoke(Object event) {
        return given().contentType("application/json").body(event).post(mockEventServer());
    }

    /**
     * Invokes the function exported as {@code export} with {@code event}, in this process, as its Lambda would: the
     * event read and the answer written by the Lambda runtime's object mapper, the call made through Funqy's own
     * invoker ({@link io.crmsync.local.FunctionDispatcher}). The mock event server above serves only the function
     * the test application exports ({@code api}); calling the others here spares a Quarkus restart per function.
     * That each function also answers through the real runtime loop is proven on function.zip by
     * {@code PackagedFunctionsIT}.
     *
     * @return the function's answer as Lambda would return it
     */
    public static io.restassured.path.json.JsonPath call(String export, Object event) {
        var mapper = io.quarkus.amazon.lambda.runtime.AmazonLambdaMapperRecorder.objectMapper;
        try {
            Object answer = io.quarkus.arc.Arc.container().instance(io.crmsync.local.FunctionDispatcher.class).get()
                    .invoke(export, mapper.writeValueAsString(event));
            return new io.restassured.path.json.JsonPath(mapper.writeValueAsString(answer));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("Event or answer of " + export + " is not JSON", e);
        }
    }

    /**
     * Calls the api function, checks the HTTP status it answered and returns the JSON body it answered with.
     */
    public static io.restassured.path.json.JsonPath apiBody(String method, String path, String query, String body,
            int expectedStatus) {
        var answer = invoke(httpRequest(method, path, query, body)).then().statusCode(200).extract().jsonPath();
        org.assertj.core.api.Assertions.assertThat(answer.getInt("statusCode")).as(method + " " + path + " answered "
                + answer.getString("body")).isEqualTo(expectedStatus);
        return new io.restassured.path.json.JsonPath(answer.getString("body"));
    }

    /**
     * Hands each message of an SQS batch event to the function exported as {@code export}, in this process, as
     * Funqy's SQS binding does on Lambda (each body read as the function's input), and answers the ids of the
     * messages whose handling failed: what Lambda would report as {@code batchItemFailures}, so that SQS redelivers
     * them. That the binding reports exactly these is proven on function.zip by {@code PackagedFunctionsIT}.
     */
    @SuppressWarnings("unchecked")
    public static List<String> deliverEach(String export, Map<String, Object> sqsBatch) {
        var dispatcher = io.quarkus.arc.Arc.container().instance(io.crmsync.local.FunctionDispatcher.class).get();
        List<String> failed = new ArrayList<>();
        for (Map<String, Object> record : (List<Map<String, Object>>) sqsBatch.get("Records")) {
            try {
                dispatcher.invoke(export, (String) record.get("body"));
            } catch (RuntimeException e) {
                failed.add((String) record.get("messageId"));
            }
        }
        return failed;
    }

    /** The message ids of the records in an SQS batch event, in order. */
    @SuppressWarnings("unchecked")
    public static List<String> messageIds(Map<String, Object> sqsBatch) {
        return ((List<Map<String, Object>>) sqsBatch.get("Records")).stream().map(r -> (String) r.get("messageId")).toList();
    }
}
