package io.crmsync.packaged;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for AWS Systems Manager's {@code GetParameter} (JSON 1.1 protocol, {@code X-Amz-Target:
 * AmazonSSM.GetParameter}), holding SecureString parameters as the deployment's {@code aws ssm put-parameter} would.
 * It records which parameters each caller asked for and whether it asked for decryption. Neither the DynamoDB emulator nor
 * ElasticMQ covers SSM, and one operation is all the functions use.
 */
final class SsmStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Request(String accessKeyId, String name, boolean withDecryption) {
    }

    private static final java.util.regex.Pattern CREDENTIAL = java.util.regex.Pattern.compile("Credential=([^/]+)/");

    private final HttpServer server;
    private final Map<String, String> parameters = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    SsmStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open the SSM stand-in's port", e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    SsmStandIn put(String name, String secureValue) {
        parameters.put(name, secureValue);
        return this;
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (!"AmazonSSM.GetParameter".equals(target)) {
                send(exchange, 400, Map.of("__type", "InvalidAction", "message", "Unsupported operation " + target));
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            String name = body.path("Name").asText();
            boolean decrypt = body.path("WithDecryption").asBoolean(false);
            String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            var credential = CREDENTIAL.matcher(authorization);
            requests.add(new Request(credential.find() ? credential.group(1) : "?", name, decrypt));
            String value = parameters.get(name);
            if (value == null) {
                send(exchange, 400, Map.of("__type", "ParameterNotFound", "message", "Parameter " + name + " not found."));
                return;
            }
            Map<String, Object> parameter = Map.of("Name", name, "Type", "SecureString", "Version", 1,
                    "Value", decrypt ? value : "AQICAHencrypted==", "ARN",
                    "arn:aws:ssm:us-east-1:000000000000:parameter" + name, "DataType", "text");
            send(exchange, 200, Map.of("Parameter", parameter));
        }
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
