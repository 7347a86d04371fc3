package io.crmsync.records;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.crmsync.api.ApiException;
import io.crmsync.api.ApiRequest;
import io.crmsync.api.ApiResponse;
import io.crmsync.api.ApiRoutes;
import io.crmsync.api.RouteTable;
import io.crmsync.settings.ObjectPairs;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code GET /records/search?object=contact&q=...} finds records by email, HubSpot id or Salesforce id;
 * {@code GET /records/{object}/{id}} shows one with both CRMs' current values, its pairing and history.
 */
@ApplicationScoped
public class RecordRoutes implements ApiRoutes {

    /** HubSpot record ids are positive 64-bit numbers. */
    static final Pattern HUBSPOT_ID = Pattern.compile("[0-9]{1,18}");
    /** Salesforce ids: 15 or 18 letters and digits. */
    static final Pattern SALESFORCE_ID = Pattern.compile("[A-Za-z0-9]{15}|[A-Za-z0-9]{18}");
    /** RFC 5321's limit on an address; no spaces or control characters. */
    static final Pattern EMAIL = Pattern.compile("[^\\s@\\p{Cntrl}]{1,64}@[^\\s@\\p{Cntrl}]{1,189}");

    private final RecordLookup lookup;
    private final ObjectPairs objects;

    RecordRoutes(RecordLookup lookup, ObjectPairs objects) {
        this.lookup = lookup;
        this.objects = objects;
    }

    @Override
    public void register(RouteTable routes) {
        routes.get("/records/search", this::search).get("/records/{object}/{id}", this::record);
    }

    private ApiResponse search(ApiRequest request) {
        String object = knownObject(request.queryParam("object"), "object");
        String q = request.queryParam("q") == null ? "" : request.queryParam("q").trim();
        List<RecordView.Match> matches;
        try {
            if (HUBSPOT_ID.matcher(q).matches() || SALESFORCE_ID.matcher(q).matches() && !q.contains("@")) {
                boolean hubspotSide = HUBSPOT_ID.matcher(q).matches();
                RecordView view = lookup.byId(object, q, hubspotSide);
                matches = List.of(new RecordView.Match(object, view.hubspotId(), view.salesforceId(),
                        view.salesforceObject(), view.paired()));
            } else if (EMAIL.matcher(q).matches()) {
                matches = lookup.byEmail(object, q);
            } else {
                throw ApiException.badRequest("INVALID_QUERY", "Search by an email address, a HubSpot record id "
                        + "(digits) or a Salesforce id (15 or 18 letters and digits).", "q");
            }
        } catch (RecordNotFoundException e) {
            matches = List.of();
        } catch (UnsupportedSearchException e) {
            throw ApiException.badRequest("UNSUPPORTED_SEARCH", e.getMessage(), "q");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object", object);
        body.put("q", q);
        body.put("matches", matches);
        return ApiResponse.ok(body);
    }

    private ApiResponse record(ApiRequest request) {
        String object = knownObject(request.pathParam("object"), "object");
        String id = request.pathParam("id");
        boolean hubspotSide = HUBSPOT_ID.matcher(id).matches();
        if (!hubspotSide && !SALESFORCE_ID.matcher(id).matches()) {
            throw ApiException.badRequest("INVALID_ID", "'" + shown(id) + "' is neither a HubSpot record id (digits) "
                    + "nor a Salesforce id (15 or 18 letters and digits).", "id");
        }
        try {
            return ApiResponse.ok(lookup.byId(object, id, hubspotSide));
        } catch (RecordNotFoundException e) {
            throw ApiException.notFound("RECORD_NOT_FOUND", e.getMessage());
        }
    }

    private String knownObject(String object, String field) {
        if (object == null || object.isBlank()) {
            throw ApiException.badRequest("MISSING_OBJECT", "Name the object: one of " + known() + ".", field);
        }
        if (objects.find(object).isEmpty()) {
            throw ApiException.badRequest("UNKNOWN_OBJECT", "No object pair '" + shown(object) + "'. Known objects: "
                    + known() + ".", field);
        }
        return object;
    }

    private List<String> known() {
        return objects.all().keySet().stream().sorted().toList();
    }

    /** Echoes user input in a message without letting a huge value through. */
    private static String shown(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "…" : value;
    }
}
