package io.crmsync.picklists;

import java.util.List;
import java.util.Map;

import io.crmsync.api.ApiException;
import io.crmsync.api.ApiRequest;
import io.crmsync.api.ApiResponse;
import io.crmsync.api.ApiRoutes;
import io.crmsync.api.RouteTable;
import io.crmsync.settings.ObjectPairs;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code GET /settings/value-maps/{object}} and {@code PUT /settings/value-maps/{object}}: how picklist values
 * translate (deal stage, ticket status and priority, any mapped picklist). Refusals are 400s naming the value.
 */
@ApplicationScoped
public class ValueMapRoutes implements ApiRoutes {

    @RegisterForReflection
    public record ValueMapsBody(List<ValueMap> maps) {
    }

    private final ValueMapCatalog catalog;
    private final ObjectPairs pairs;

    ValueMapRoutes(ValueMapCatalog catalog, ObjectPairs pairs) {
        this.catalog = catalog;
        this.pairs = pairs;
    }

    @Override
    public void register(RouteTable routes) {
        routes.get("/settings/value-maps/{object}", r -> {
            String object = knownObject(r);
            return ApiResponse.ok(Map.of("object", object, "maps", catalog.maps(object)));
        }).put("/settings/value-maps/{object}", this::put);
    }

    private ApiResponse put(ApiRequest request) {
        String object = knownObject(request);
        ValueMapsBody body = request.bodyAs(ValueMapsBody.class);
        if (body.maps() == null) {
            throw ApiException.badRequest("INVALID_VALUE_MAP", "Send {\"maps\":[{\"hubspotProperty\",\"salesforceField\","
                    + "\"values\":[{\"salesforce\",\"hubspot\"}]}]}.", "maps");
        }
        try {
            return ApiResponse.ok(Map.of("object", object, "maps", catalog.replace(object, body.maps())));
        } catch (InvalidValueMapException e) {
            throw ApiException.badRequest("INVALID_VALUE_MAP", e.getMessage(), e.field());
        }
    }

    private String knownObject(ApiRequest request) {
        String object = request.pathParam("object");
        if (pairs.find(object).isEmpty()) {
            throw ApiException.notFound("UNKNOWN_OBJECT", "No object pair '" + object + "'. Known: "
                    + pairs.all().keySet().stream().sorted().toList() + ".");
        }
        return object;
    }
}
