package io.crmsync.sandbox.common;

import java.net.BindException;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/**
 * An in-process HTTP server for a CRM sandbox, on its own Vert.x instance so it runs the same inside Quarkus, in a
 * test or from a plain {@code main}. Port 0 picks a free port.
 */
public final class SandboxServer implements AutoCloseable {

    private final String name;
    private final Vertx vertx;
    private final HttpServer server;

    private SandboxServer(String name, Vertx vertx, HttpServer server) {
        this.name = name;
        this.vertx = vertx;
        this.server = server;
    }

    /**
     * Starts serving {@code routes} on {@code port}.
     *
     * @param portSetting the configuration key that changes the port, named in the error when the port is taken
     */
    public static SandboxServer start(String name, int port, String portSetting, java.util.function.Function<Vertx, Router> routes) {
        Vertx vertx = Vertx.vertx();
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(routes.apply(vertx)).listen(port, "localhost")
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            return new SandboxServer(name, vertx, server);
        } catch (Exception e) {
            vertx.close();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof BindException || String.valueOf(cause.getMessage()).contains("Address already in use")) {
                throw new IllegalStateException("Cannot start the " + name + " on port " + port
                        + ": the port is already in use. Stop what holds it or choose another port with " + portSetting
                        + ".", cause);
            }
            throw new IllegalStateException("Cannot start the " + name + " on port " + port + ": " + cause, cause);
        }
    }

    public int port() {
        return server.actualPort();
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the " + name, e);
        }
    }
}
