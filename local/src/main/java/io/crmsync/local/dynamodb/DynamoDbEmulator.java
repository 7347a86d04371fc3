package io.crmsync.local.dynamodb;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

/**
 * An in-memory DynamoDB, served over DynamoDB's own JSON protocol so the unchanged AWS SDK client talks to it as to
 * AWS: the tests, the benchmarks and the local mode run on it.
 *
 * <p>Written here because no open-source, in-process DynamoDB with transactions exists for the JVM: Amazon's
 * DynamoDB Local is under Amazon's own licence terms (not an open-source licence), and LocalStack and ScyllaDB's
 * Alternator need Docker or a native server. This one implements what crm-sync uses, with DynamoDB's semantics and
 * validation errors: items up to 400 KB, condition, update, filter, key-condition and projection expressions,
 * global secondary indexes, Query and Scan with pagination, BatchGetItem, BatchWriteItem and TransactWriteItems
 * (all-or-nothing, with cancellation reasons and the old item on request). Writes to different items proceed in
 * parallel with reads; each write and each transaction is atomic. Like DynamoDB Local it does not expire items by
 * their time to live (DynamoDB itself takes up to days to).
 *
 * <p>With a data folder, the tables are written to {@code crm-sync-dynamodb.json} there a moment after each change
 * (and on close), and read back on start, so the local mode's data survives restarts.
 */
public final class DynamoDbEmulator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DynamoDbEmulator.class);
    private static final String TARGET_PREFIX = "DynamoDB_20120810.";
    static final String SNAPSHOT_FILE = "crm-sync-dynamodb.json";

    private final ObjectMapper mapper = new ObjectMapper();
    private final Vertx vertx;
    private final Operations operations;
    private final Path snapshotFile;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final ScheduledExecutorService saver;
    private HttpServer server;

    private DynamoDbEmulator(Path dataDir) {
        this.snapshotFile = dataDir == null ? null : dataDir.resolve(SNAPSHOT_FILE);
        this.operations = new Operations(() -> dirty.set(true));
        this.vertx = Vertx.vertx();
        this.saver = snapshotFile == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dynamodb-emulator-snapshot");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts serving on {@code port} on localhost (0: any free port).
     *
     * @param dataDir where the tables are kept across restarts; null keeps them in memory only
     * @param portSetting the setting that changes the port, named when the port is taken
     */
    public static DynamoDbEmulator start(int port, Path dataDir, String portSetting) {
        DynamoDbEmulator emulator = new DynamoDbEmulator(dataDir);
        try {
            emulator.loadSnapshot();
            emulator.server = emulator.vertx.createHttpServer().requestHandler(emulator::handle)
                    .listen(port, "localhost").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            emulator.vertx.close();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof BindException || String.valueOf(cause.getMessage()).contains("Address already in use")) {
                throw new IllegalStateException("Cannot start the DynamoDB emulator on port " + port
                        + ": the port is already in use. Stop what holds it or set " + portSetting
                        + " to another port.", cause);
            }
            throw new IllegalStateException("Cannot start the DynamoDB emulator on port " + port + ": " + cause, cause);
        }
        if (emulator.saver != null) {
            emulator.saver.scheduleWithFixedDelay(emulator::saveIfChanged, 1, 1, TimeUnit.SECONDS);
        }
        return emulator;
    }

    public int port() {
        return server.actualPort();
    }

    public String endpoint() {
        return "http://localhost:" + port();
    }

    private void handle(HttpServerRequest request) {
        String target = request.getHeader("X-Amz-Target");
        // Parsed and answered on Vert.x's worker threads, several at once, not on the server's one event loop: the
        // emulator must not serialize requests that DynamoDB serves in parallel.
        request.body()
                .compose(body -> vertx.executeBlocking(() -> answer(target, body), false))
                .onSuccess(answer -> request.response().setStatusCode(answer.status())
                        .putHeader("Content-Type", "application/x-amz-json-1.0")
                        .putHeader("x-amzn-RequestId", UUID.randomUUID().toString())
                        .putHeader("x-amz-crc32", String.valueOf(answer.crc32()))
                        .end(Buffer.buffer(answer.body())))
                .onFailure(e -> request.response().setStatusCode(500).end());
    }

    /** An answer ready to send. */
    private record Answer(int status, byte[] body, long crc32) {
    }

    private Answer answer(String target, Buffer body) throws IOException {
        int status = 200;
        JsonNode answer;
        try {
            if (target == null || !target.startsWith(TARGET_PREFIX)) {
                throw DynamoException.unknownOperation(String.valueOf(target));
            }
            JsonNode parsed;
            try {
                parsed = body.length() == 0 ? mapper.createObjectNode() : mapper.readTree(body.getBytes());
            } catch (IOException e) {
                throw DynamoException.serialization("The request body is not JSON: "
                        + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                                : e.getMessage()));
            }
            if (parsed == null || !parsed.isObject()) {
                throw DynamoException.serialization("The request body must be a JSON object");
            }
            answer = operations.call(target.substring(TARGET_PREFIX.length()), parsed);
        } catch (DynamoException e) {
            status = e.status();
            answer = e.body();
        } catch (RuntimeException e) {
            LOG.error("DynamoDB emulator failed on " + target, e);
            DynamoException internal = DynamoException.internal(e.toString());
            status = internal.status();
            answer = internal.body();
        }
        byte[] bytes = mapper.writeValueAsBytes(answer);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return new Answer(status, bytes, crc.getValue());
    }

    private void loadSnapshot() throws IOException {
        if (snapshotFile == null) {
            return;
        }
        Files.createDirectories(snapshotFile.getParent());
        if (Files.exists(snapshotFile)) {
            operations.load(mapper.readTree(snapshotFile.toFile()));
        }
    }

    private void saveIfChanged() {
        if (!dirty.getAndSet(false)) {
            return;
        }
        try {
            Path temp = snapshotFile.resolveSibling(SNAPSHOT_FILE + ".tmp");
            mapper.writeValue(temp.toFile(), operations.snapshot());
            try {
                Files.move(temp, snapshotFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, snapshotFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            dirty.set(true);
            LOG.warnf("Could not save the local DynamoDB data to %s: %s", snapshotFile, e.toString());
        }
    }

    @Override
    public void close() {
        if (saver != null) {
            saver.shutdownNow();
            saveIfChanged();
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the DynamoDB emulator", e);
        }
    }
}
