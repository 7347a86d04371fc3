package io.crmsync.sandbox.hubspot;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /crm/v3/owners}: the portal's users who can own records, as HubSpot answers it: {@code email} filters,
 * {@code limit} (default 100, at most 500) and {@code after} page, {@code archived=true} lists deactivated ones.
 */
final class OwnerRoutes {

    private final SandboxState state;

    OwnerRoutes(SandboxState state) {
        this.state = state;
    }

    Answer list(String email, String limitParam, String after, String archived) {
        int limit = limitParam == null ? 100 : parse(limitParam, "limit");
        if (limit < 1 || limit > 500) {
            throw new SandboxException(HubSpotError.of(400, "VALIDATION_ERROR", "limit must be between 1 and 500"));
        }
        int from = after == null ? 0 : parse(after, "after");
        boolean wantArchived = "true".equals(archived);
        List<SandboxState.Owner> matching;
        synchronized (state) {
            matching = state.owners.stream().filter(o -> o.archived() == wantArchived)
                    .filter(o -> email == null || o.email().equalsIgnoreCase(email.trim().toLowerCase(Locale.ROOT)))
                    .toList();
        }
        ObjectNode body = SandboxJson.NODES.objectNode();
        var results = body.putArray("results");
        for (SandboxState.Owner o : matching.subList(Math.min(from, matching.size()), Math.min(from + limit,
                matching.size()))) {
            ObjectNode n = results.addObject();
            n.put("id", o.id());
            n.put("email", o.email());
            n.put("type", "PERSON");
            n.put("firstName", o.firstName());
            n.put("lastName", o.lastName());
            n.put("userId", o.userId());
            n.put("createdAt", o.createdAt().toString());
            n.put("updatedAt", o.createdAt().toString());
            n.put("archived", o.archived());
            n.putArray("teams");
        }
        if (from + limit < matching.size()) {
            String next = String.valueOf(from + limit);
            body.putObject("paging").putObject("next").put("after", next)
                    .put("link", "/crm/v3/owners/?after=" + next);
        }
        return Answer.ok(body);
    }

    private static int parse(String value, String name) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new SandboxException(HubSpotError.of(400, "VALIDATION_ERROR", name + " must be a number: " + value));
        }
    }
}
