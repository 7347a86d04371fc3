package io.crmsync.health;

import java.util.Map;
import java.util.Optional;

import io.crmsync.api.ApiException;
import io.crmsync.api.ApiRequest;
import io.crmsync.api.ApiResponse;
import io.crmsync.api.ApiRoutes;
import io.crmsync.api.RouteTable;
import io.crmsync.settings.ObjectPairs;
import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code GET /api-usage}, {@code GET /api-usage/hourly} and {@code GET /pairings/{object}/{id}} (either side's id). */
@ApplicationScoped
public class HealthRoutes implements ApiRoutes {

    private final ApiUsageService usage;
    private final PairingRepository pairings;
    private final ObjectPairs objects;

    HealthRoutes(ApiUsageService usage, PairingRepository pairings, ObjectPairs objects) {
        this.usage = usage;
        this.pairings = pairings;
        this.objects = objects;
    }

    @Override
    public void register(RouteTable routes) {
        routes.get("/api-usage", r -> ApiResponse.ok(usage.report()))
                .get("/api-usage/hourly", r -> ApiResponse.ok(Map.of("hours", usage.hourly())))
                .get("/pairings/{object}/{id}", this::pairing);
    }

    private ApiResponse pairing(ApiRequest request) {
        String object = request.pathParam("object");
        String id = request.pathParam("id");
        if (objects.find(object).isEmpty()) {
            throw ApiException.badRequest("UNKNOWN_OBJECT", "No object pair for '" + object + "'. Known objects: "
                    + objects.all().keySet() + ".", "object");
        }
        if (!id.matches("[A-Za-z0-9]{1,64}")) {
            throw ApiException.badRequest("INVALID_ID", "'" + id + "' is neither a HubSpot nor a Salesforce id.", "id");
        }
        // HubSpot ids are digits; Salesforce ids always hold a letter (their key prefix), so the side is never ambiguous.
        Optional<Pairing> found = id.chars().allMatch(Character::isDigit) ? pairings.findByHubspotId(object, id)
                : pairings.findBySalesforceId(object, id);
        return ApiResponse.ok(found.orElseThrow(() -> ApiException.notFound("PAIRING_NOT_FOUND", "No " + object
                + " pairing has the id " + id + " on either side.")));
    }
}
