package io.crmsync.resync;

import io.crmsync.api.ApiException;
import io.crmsync.api.ApiRequest;
import io.crmsync.api.ApiResponse;
import io.crmsync.api.ApiRoutes;
import io.crmsync.api.RouteTable;
import io.crmsync.settings.ObjectPairs;
import io.crmsync.settings.UnknownObjectException;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code POST /resync}, {@code POST /segments/{listId}/resync}, {@code GET /resyncs/{id}}. */
@ApplicationScoped
public class ResyncRoutes implements ApiRoutes {

    private static final int MAX_KEY_LENGTH = 255;

    private final RecordResyncService records;
    private final SegmentResyncService segments;
    private final ResyncJobRepository jobs;
    private final ObjectPairs objects;

    ResyncRoutes(RecordResyncService records, SegmentResyncService segments, ResyncJobRepository jobs,
            ObjectPairs objects) {
        this.records = records;
        this.segments = segments;
        this.jobs = jobs;
        this.objects = objects;
    }

    @Override
    public void register(RouteTable routes) {
        routes.post("/resync", this::resyncRecord)
                .post("/segments/{listId}/resync", this::resyncSegment)
                .get("/resyncs/{id}", this::progress);
    }

    private ApiResponse resyncRecord(ApiRequest request) {
        ResyncRequest body = request.bodyAs(ResyncRequest.class);
        if (body.object() == null || body.object().isBlank()) {
            throw ApiException.badRequest("MISSING_OBJECT", "Name the object: \"object\": one of "
                    + objects.all().keySet() + ".", "object");
        }
        try {
            objects.require(body.object());
        } catch (UnknownObjectException e) {
            throw ApiException.badRequest("UNKNOWN_OBJECT", e.getMessage(), "object");
        }
        boolean hs = body.hubspotId() != null && !body.hubspotId().isBlank();
        boolean sf = body.salesforceId() != null && !body.salesforceId().isBlank();
        if (hs == sf) {
            throw ApiException.badRequest("ONE_RECORD_ID", "Give exactly one of \"hubspotId\" or \"salesforceId\".",
                    hs ? "salesforceId" : "hubspotId");
        }
        if (hs && !body.hubspotId().chars().allMatch(Character::isDigit)) {
            throw ApiException.badRequest("INVALID_ID", "A HubSpot record id is digits, got '" + body.hubspotId()
                    + "'.", "hubspotId");
        }
        if (sf && !body.salesforceId().matches("[A-Za-z0-9]{15}|[A-Za-z0-9]{18}")) {
            throw ApiException.badRequest("INVALID_ID", "A Salesforce record id is 15 or 18 letters and digits, got '"
                    + body.salesforceId() + "'.", "salesforceId");
        }
        try {
            return ApiResponse.ok(records.resync(body.object(), hs ? body.hubspotId() : null,
                    sf ? body.salesforceId() : null, Boolean.TRUE.equals(body.dryRun())));
        } catch (RecordNotFoundException e) {
            throw ApiException.notFound("RECORD_NOT_FOUND", e.getMessage());
        }
    }

    private ApiResponse resyncSegment(ApiRequest request) {
        String listId = request.pathParam("listId");
        if (!listId.chars().allMatch(Character::isDigit)) {
            throw ApiException.badRequest("INVALID_LIST_ID", "A HubSpot list id is digits, got '" + listId + "'.",
                    "listId");
        }
        if (request.body() != null && !request.body().isBlank()) {
            throw ApiException.badRequest("UNEXPECTED_BODY", "This route takes no body: the list id says it all.",
                    null);
        }
        String key = idempotencyKey(request);
        try {
            return ApiResponse.accepted(segments.start(listId, key));
        } catch (SegmentNotFoundException e) {
            throw ApiException.notFound("LIST_NOT_FOUND", e.getMessage());
        } catch (UnsupportedSegmentException e) {
            throw ApiException.badRequest("UNSUPPORTED_LIST", e.getMessage(), "listId");
        }
    }

    /**
     * The optional {@code Idempotency-Key} header (as Stripe and the IETF draft define it): up to 255 visible ASCII
     * characters; the same key answers the same resync.
     */
    private static String idempotencyKey(ApiRequest request) {
        String key = request.header("Idempotency-Key");
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw ApiException.badRequest("INVALID_IDEMPOTENCY_KEY", "The Idempotency-Key header is 1 to "
                    + MAX_KEY_LENGTH + " visible ASCII characters without spaces (a UUID is a good one); send the"
                    + " same key again to get the same resync.", "Idempotency-Key");
        }
        return key;
    }

    private ApiResponse progress(ApiRequest request) {
        String id = request.pathParam("id");
        if (!id.matches("[A-Za-z0-9]{1,64}")) {
            throw ApiException.badRequest("INVALID_RESYNC_ID", "'" + id + "' is not a resync id.", "id");
        }
        return ApiResponse.ok(jobs.find(id).orElseThrow(() -> ApiException.notFound("RESYNC_NOT_FOUND",
                "There is no resync " + id + " (resyncs are kept 30 days).")));
    }
}
