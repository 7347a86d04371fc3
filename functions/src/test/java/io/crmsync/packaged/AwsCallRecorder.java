package io.crmsync.packaged;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Sits between the packaged functions and the DynamoDB emulator or ElasticMQ (both speak AWS's JSON protocol), forwarding
 * every request unchanged and recording who called what: the access key from the SigV4 {@code Authorization}
 * header (each function runs with its own), the IAM action, and the resource (table, index or queue). The test then
 * holds each function's calls against the role template.yaml gives it, which the local stand-ins cannot enforce.
 */
final class AwsCallRecorder implements AutoCloseable {

    /** One call as IAM would authorize it: {@code dynamodb:Query} on table {@code crm-sync}, index {@code gsi1}. */
    record Call(String accessKeyId, String action, String resource, String index) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/]+)/[^/]+/[^/]+/([^/]+)/");
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
            "keep-alive", "expect", "upgrade");

    private final HttpServer server;
    private final URI target;
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    AwsCallRecorder(String targetEndpoint) {
        this.target = URI.create(targetEndpoint);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open a recording proxy port", e);
        }
        server.createContext("/", this::forward);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "aws-call-recorder");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            record(exchange, body);
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            byte[] out = response.body();
            exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        }
    }

    private void record(HttpExchange exchange, byte[] body) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String amzTarget = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (authorization == null || amzTarget == null) {
            return;
        }
        Matcher credential = CREDENTIAL.matcher(authorization);
        String accessKey = credential.find() ? credential.group(1) : "?";
        String service = amzTarget.startsWith("DynamoDB") ? "dynamodb" : "sqs";
        String operation = amzTarget.substring(amzTarget.indexOf('.') + 1);
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            json = JSON.createObjectNode();
        }
        for (Call call : calls(accessKey, service, operation, json)) {
            calls.add(call);
        }
    }

    /** The IAM actions one request needs; a transaction needs the action of each item it writes or checks. */
    private static List<Call> calls(String accessKey, String service, String operation, JsonNode json) {
        List<Call> out = new ArrayList<>();
        if (service.equals("sqs")) {
            // IAM authorizes SQS batch calls with the single call's action (SendMessageBatch needs sqs:SendMessage)
            String action = operation.endsWith("Batch") ? operation.substring(0, operation.length() - 5) : operation;
            out.add(new Call(accessKey, "sqs:" + action, queueName(json.path("QueueUrl").asText()), null));
        } else if (operation.equals("TransactWriteItems")) {
            for (JsonNode item : json.path("TransactItems")) {
                item.fieldNames().forEachRemaining(kind -> out.add(new Call(accessKey,
                        "dynamodb:" + (kind.equals("ConditionCheck") ? "ConditionCheckItem" : kind + "Item"),
                        item.path(kind).path("TableName").asText(), null)));
            }
        } else if (operation.startsWith("Batch")) {
            json.path("RequestItems").fieldNames().forEachRemaining(table ->
                    out.add(new Call(accessKey, "dynamodb:" + operation, table, null)));
        } else {
            String index = json.hasNonNull("IndexName") ? json.path("IndexName").asText() : null;
            out.add(new Call(accessKey, "dynamodb:" + operation, json.path("TableName").asText(), index));
        }
        return out;
    }

    private static String queueName(String queueUrl) {
        return queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
    }
}
