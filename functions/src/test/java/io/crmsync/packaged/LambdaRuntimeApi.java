package io.crmsync.packaged;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the Lambda Runtime API (version 2018-06-01) that one function process talks to, as the Lambda
 * service does for one execution environment: the runtime long-polls {@code invocation/next} for an event and posts
 * the answer to {@code invocation/{id}/response} or {@code .../error}; a failed start-up posts {@code init/error}.
 * SnapStart's {@code restore/next} is answered at once, so the runtime's checkpoint and restore hooks both run.
 * <p>
 * Written here rather than taken from a library: AWS's Runtime Interface Emulator is a Go binary for containers, and
 * the API is five routes.
 */
final class LambdaRuntimeApi implements AutoCloseable {

    /** What an invocation came back with: the response body, or the error the runtime reported. */
    record Outcome(String body, boolean error, String errorType) {
    }

    private final HttpServer server;
    private final String functionArn;
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private final CompletableFuture<Long> firstPollAt = new CompletableFuture<>();

    private record Invocation(String id, String event, CompletableFuture<Outcome> outcome) {
    }

    LambdaRuntimeApi(String functionName) {
        this.functionArn = "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open the Runtime API stand-in's port", e);
        }
        server.createContext("/2018-06-01/runtime/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "runtime-api-" + functionName);
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** {@code host:port}, as Lambda sets {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues an event for the runtime and returns its outcome once the runtime answers. */
    CompletableFuture<Outcome> submit(String eventJson) {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), eventJson, new CompletableFuture<>());
        inFlight.put(invocation.id(), invocation);
        pending.add(invocation);
        return invocation.outcome();
    }

    Outcome invoke(String eventJson, Duration timeout) {
        try {
            return submit(eventJson).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("No answer within " + timeout + initErrorSuffix());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
    }

    /** The error the runtime posted to {@code init/error}, if it did. */
    Optional<String> initError() {
        return Optional.ofNullable(initError.getNow(null));
    }

    /** When (System.nanoTime) the runtime first asked for an invocation: its initialisation was over. */
    Optional<Long> firstPollAt() {
        return Optional.ofNullable(firstPollAt.getNow(null));
    }

    private String initErrorSuffix() {
        return initError().map(e -> "; the function failed to start: " + e).orElse("");
    }

    @Override
    public void close() {
        server.stop(0);
        inFlight.values().forEach(i -> i.outcome().completeExceptionally(new IllegalStateException("closed")));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/2018-06-01/runtime/".length());
            String method = exchange.getRequestMethod();
            String body = read(exchange.getRequestBody());
            if (method.equals("GET") && path.equals("invocation/next")) {
                next(exchange);
            } else if (method.equals("POST") && path.startsWith("invocation/") && path.endsWith("/response")) {
                complete(exchange, path, new Outcome(body, false, null));
            } else if (method.equals("POST") && path.startsWith("invocation/") && path.endsWith("/error")) {
                complete(exchange, path, new Outcome(body, true,
                        exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type")));
            } else if (method.equals("POST") && (path.equals("init/error") || path.equals("restore/error"))) {
                initError.complete(body);
                inFlight.values().forEach(i -> i.outcome().complete(new Outcome(body, true, "init")));
                send(exchange, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("GET") && path.equals("restore/next")) {
                send(exchange, 200, "");
            } else {
                send(exchange, 404, "{\"errorMessage\":\"Unknown Runtime API route " + method + " " + path + "\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        firstPollAt.complete(System.nanoTime());
        Invocation invocation;
        try {
            invocation = pending.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.add("Content-Type", "application/json");
        headers.add("Lambda-Runtime-Aws-Request-Id", invocation.id());
        headers.add("Lambda-Runtime-Deadline-Ms", String.valueOf(System.currentTimeMillis() + 300_000));
        headers.add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        headers.add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
        send(exchange, 200, invocation.event());
    }

    private void complete(HttpExchange exchange, String path, Outcome outcome) throws IOException {
        String id = path.substring("invocation/".length(), path.lastIndexOf('/'));
        Invocation invocation = inFlight.remove(id);
        if (invocation == null) {
            send(exchange, 400, "{\"errorMessage\":\"Unknown request id " + id + "\"}");
            return;
        }
        invocation.outcome().complete(outcome);
        send(exchange, 202, "{\"status\":\"OK\"}");
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
