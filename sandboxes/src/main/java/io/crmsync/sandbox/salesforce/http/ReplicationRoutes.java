package io.crmsync.sandbox.salesforce.http;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crmsync.sandbox.salesforce.store.FieldValues;
import io.crmsync.sandbox.salesforce.store.SandboxStore;
import io.vertx.ext.web.RoutingContext;

/**
 * getUpdated ({@code /sobjects/{type}/updated}) and getDeleted ({@code /sobjects/{type}/deleted}): Ids changed or
 * deleted in a window of whole minutes, up to now, within the last 30 (updated) or 15 (deleted) days.
 */
public final class ReplicationRoutes {

    private static final Duration UPDATED_WINDOW = Duration.ofDays(30);
    private static final Duration DELETED_WINDOW = Duration.ofDays(15);
    private static final int MAX_REPLICATION_IDS = 600_000;

    private final SandboxStore store;
    private final SObjectRoutes sobjects;

    public ReplicationRoutes(SandboxStore store, SObjectRoutes sobjects) {
        this.store = store;
        this.sobjects = sobjects;
    }

    public void updated(RoutingContext ctx) {
        sobjects.object(ctx).ifPresent(def -> window(ctx, UPDATED_WINDOW).ifPresent(w -> {
            List<String> ids = store.updatedBetween(def, w[0], w[1]);
            if (ids.size() > MAX_REPLICATION_IDS) {
                Responses.error(ctx, 400, "EXCEEDED_ID_LIMIT", "too many ids: narrow the date range");
                return;
            }
            ObjectNode body = Responses.JSON.createObjectNode();
            ids.forEach(body.putArray("ids")::add);
            body.put("latestDateCovered", FieldValues.DATETIME_OUT.format(w[1]));
            Responses.json(ctx, 200, body);
        }));
    }

    public void deleted(RoutingContext ctx) {
        sobjects.object(ctx).ifPresent(def -> window(ctx, DELETED_WINDOW).ifPresent(w -> {
            ObjectNode body = Responses.JSON.createObjectNode();
            var list = body.putArray("deletedRecords");
            store.deletedBetween(def, w[0], w[1]).forEach((id, at) -> {
                ObjectNode entry = list.addObject();
                entry.put("id", id);
                entry.put("deletedDate", FieldValues.DATETIME_OUT.format(at));
            });
            Instant earliest = store.now().minus(DELETED_WINDOW).truncatedTo(ChronoUnit.MINUTES);
            body.put("earliestDateAvailable", FieldValues.DATETIME_OUT.format(earliest));
            body.put("latestDateCovered", FieldValues.DATETIME_OUT.format(w[1]));
            Responses.json(ctx, 200, body);
        }));
    }

    /**
     * start/end of a replication call, seconds dropped (Salesforce works in whole minutes), end capped at now;
     * answers INVALID_REPLICATION_DATE as Salesforce does when the window is backwards or too old.
     */
    private Optional<Instant[]> window(RoutingContext ctx, Duration maxAge) {
        Instant start;
        Instant end;
        try {
            start = FieldValues.parseDateTime(ctx.request().getParam("start")).truncatedTo(ChronoUnit.MINUTES);
            end = FieldValues.parseDateTime(ctx.request().getParam("end")).truncatedTo(ChronoUnit.MINUTES);
        } catch (DateTimeParseException | NullPointerException e) {
            Responses.error(ctx, 400, "INVALID_REPLICATION_DATE", "start and end must be ISO-8601 date-times");
            return Optional.empty();
        }
        Instant now = store.now().truncatedTo(ChronoUnit.MINUTES);
        if (end.isAfter(now)) {
            end = now;
        }
        if (!start.isBefore(end)) {
            Responses.error(ctx, 400, "INVALID_REPLICATION_DATE", "startDate must chronologically precede endDate");
            return Optional.empty();
        }
        if (start.isBefore(now.minus(maxAge))) {
            Responses.error(ctx, 400, "INVALID_REPLICATION_DATE",
                    "startDate cannot be more than " + maxAge.toDays() + " days ago");
            return Optional.empty();
        }
        return Optional.of(new Instant[] { start, end });
    }

}
