package io.crmsync.sandbox.common;

import io.vertx.ext.web.Router;

/**
 * The sandbox's requests in flight over HTTP, so a black-box test (local mode, a shell) can see that a client's calls
 * really overlap, as Java tests do with {@code sandbox.inFlight()}. Not a vendor path: {@code GET /sandbox/in-flight}
 * answers {@code {"current":n,"peak":m}}; {@code DELETE /sandbox/in-flight} starts a new peak from now.
 */
public final class InFlightRoutes {

    public static final String PATH = "/sandbox/in-flight";

    private InFlightRoutes() {
    }

    public static void mount(Router router, InFlight inFlight) {
        router.get(PATH).handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
                .end("{\"current\":" + inFlight.current() + ",\"peak\":" + inFlight.peak() + "}"));
        router.delete(PATH).handler(ctx -> {
            inFlight.resetPeak();
            ctx.response().setStatusCode(204).end();
        });
    }
}
