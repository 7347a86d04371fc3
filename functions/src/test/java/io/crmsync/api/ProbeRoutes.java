package io.crmsync.api;

import jakarta.enterprise.context.ApplicationScoped;

/** A route that only exists in tests, to exercise the router's body handling without depending on a feature. */
@ApplicationScoped
public class ProbeRoutes implements ApiRoutes {

    public record Probe(String name, int size) {
    }

    @Override
    public void register(RouteTable routes) {
        routes.post("/test-probes", request -> {
            Probe probe = request.bodyAs(Probe.class);
            return ApiResponse.ok(probe);
        });
        routes.get("/test-probes/{id}", request -> ApiResponse.ok(java.util.Map.of("id", request.pathParam("id"))));
    }
}
