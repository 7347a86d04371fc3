package io.crmsync.events.hubspot;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.settings.CustomObjects;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a webhook request body: a JSON array of at most 100 events. Strict about what crm-sync relies on (ids,
 * subscription type), each failure named by the event's index and field; events of objects crm-sync does not sync
 * are kept as {@code ignored} rather than refused, since an app may subscribe to more than crm-sync needs.
 */
@ApplicationScoped
public class WebhookBatchParser {

    /** HubSpot sends at most 100 events per request. */
    public static final int MAX_EVENTS = 100;

    private static final Map<String, String> OBJECTS = Map.of("contact", "contact", "company", "company",
            "deal", "deal", "ticket", "ticket");
    private static final Set<String> KINDS = Set.of("creation", "propertyChange", "deletion", "merge", "restore",
            "associationChange", "privacyDeletion");

    private final ObjectMapper mapper;
    private final CustomObjects customObjects;

    WebhookBatchParser(ObjectMapper mapper, CustomObjects customObjects) {
        this.mapper = mapper;
        this.customObjects = customObjects;
    }

    public record Batch(List<WebhookEvent> events, int ignored) {
    }

    public Batch parse(String body) {
        if (body == null || body.isBlank()) {
            throw WebhookRejectedException.malformed("The request has no body; HubSpot sends a JSON array of events.", null);
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw WebhookRejectedException.malformed("The body is not JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "); HubSpot sends a JSON array of events.", null);
        }
        if (root == null || !root.isArray()) {
            throw WebhookRejectedException.malformed("The body must be a JSON array of events.", null);
        }
        if (root.size() > MAX_EVENTS) {
            throw WebhookRejectedException.malformed("The body holds " + root.size() + " events; HubSpot sends at most "
                    + MAX_EVENTS + " per request.", null);
        }
        List<WebhookEvent> events = new ArrayList<>();
        int ignored = 0;
        for (int i = 0; i < root.size(); i++) {
            Optional<WebhookEvent> event = event(root.get(i), "[" + i + "]");
            if (event.isPresent()) {
                events.add(event.get());
            } else {
                ignored++;
            }
        }
        return new Batch(events, ignored);
    }

    private Optional<WebhookEvent> event(JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            throw WebhookRejectedException.malformed("Event " + at + " is not a JSON object.", at);
        }
        String eventId = id(node, "eventId", at);
        String type = text(node, "subscriptionType", at);
        int dot = type.indexOf('.');
        if (dot <= 0) {
            throw WebhookRejectedException.malformed("Event " + at + " has subscriptionType '" + type
                    + "'; expected <object>.<event>, e.g. contact.propertyChange.", at + ".subscriptionType");
        }
        String prefix = type.substring(0, dot);
        String kind = type.substring(dot + 1);
        String object = "object".equals(prefix) ? customObject(node) : OBJECTS.get(prefix);
        if (object == null || !KINDS.contains(kind)) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>();
        switch (kind) {
            case "merge" -> {
                ids.add(id(node, "primaryObjectId", at));
                JsonNode merged = node.path("mergedObjectIds");
                if (merged.isArray()) {
                    for (Iterator<JsonNode> it = merged.elements(); it.hasNext();) {
                        JsonNode m = it.next();
                        ids.add(numeric(m.asText(), at + ".mergedObjectIds"));
                    }
                }
            }
            case "associationChange" -> ids.add(id(node, "fromObjectId", at));
            default -> ids.add(id(node, "objectId", at));
        }
        int attempt = node.path("attemptNumber").asInt(0);
        Map<String, String> related = "associationChange".equals(kind) ? otherEnd(node, at) : Map.of();
        return Optional.of(new WebhookEvent(eventId, attempt, object, kind, ids, node.path("changeSource").asText(null),
                node.path("sourceId").asText(null), node.path("occurredAt").asLong(0), related));
    }

    /**
     * The other end of an association change: {@code toObjectId} in the object its {@code associationType} names
     * ({@code COMPANY_TO_CONTACT}: a contact). A type crm-sync does not sync (a line item) names nothing.
     */
    private static Map<String, String> otherEnd(JsonNode node, String at) {
        String type = node.path("associationType").asText("");
        int to = type.indexOf("_TO_");
        String object = to < 0 ? null : OBJECTS.get(type.substring(to + 4).toLowerCase(java.util.Locale.ROOT));
        if (object == null || !node.hasNonNull("toObjectId")) {
            return Map.of();
        }
        return Map.of(object, id(node, "toObjectId", at));
    }

    /** {@code object.*} events name the custom object by objectTypeId; only configured pairs are synced. */
    private String customObject(JsonNode node) {
        String typeId = node.path("objectTypeId").asText("");
        return customObjects.byHubSpotObject(typeId).isPresent() ? typeId : null;
    }

    private static String id(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw WebhookRejectedException.malformed("Event " + at + " has no " + field + ".", at + "." + field);
        }
        return numeric(value.asText(), at + "." + field);
    }

    private static String numeric(String value, String at) {
        if (!value.matches("\\d{1,20}")) {
            throw WebhookRejectedException.malformed(at + " is '" + (value.length() > 30 ? value.substring(0, 30) + "…"
                    : value) + "'; HubSpot ids are numbers.", at);
        }
        return value;
    }

    private static String text(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw WebhookRejectedException.malformed("Event " + at + " has no " + field + ".", at + "." + field);
        }
        return value.asText();
    }
}
