package io.crmsync.sync;

import io.crmsync.api.ApiResponse;
import io.crmsync.api.ApiRoutes;
import io.crmsync.api.RouteTable;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code GET /poll-status}: where the poll stands per object and read, catch-ups of mass updates included. */
@ApplicationScoped
public class PollRoutes implements ApiRoutes {

    private final PollStatusService status;

    PollRoutes(PollStatusService status) {
        this.status = status;
    }

    @Override
    public void register(RouteTable routes) {
        routes.get("/poll-status", r -> ApiResponse.ok(status.status()));
    }
}
