package io.crmsync.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.crmsync.api.ApiException;
import io.crmsync.api.ApiRequest;
import io.crmsync.api.ApiResponse;
import io.crmsync.api.ApiRoutes;
import io.crmsync.api.RouteTable;
import io.crmsync.owners.DefaultOwners;
import io.crmsync.segments.InclusionSegmentSettings;
import io.crmsync.segments.SegmentChoice;
import io.crmsync.store.SalesforceType;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code GET /settings}, {@code PUT /settings/mappings/{object}}, {@code PUT /settings/inclusion-segments/{object}},
 * {@code PUT /settings/contact-creation} and {@code PUT /settings/contact-deletion}; for the console's editors,
 * {@code GET /settings/mappings/{object}/options} (the fields a mapping can name) and
 * {@code GET /settings/inclusion-segments/{object}/choices} (the active lists a segment can be). Refusals are 400s naming the
 * field.
 */
@ApplicationScoped
public class SettingsRoutes implements ApiRoutes {

    @RegisterForReflection
    public record MappingsBody(List<FieldMapping> mappings) {
    }

    @RegisterForReflection
    public record SegmentBody(String listId) {
    }

    /** An active list offered as an inclusion segment. */
    @RegisterForReflection
    public record SegmentOption(String listId, String name, long size) {
    }

    @RegisterForReflection
    public record ContactCreationBody(SalesforceType createAs) {
    }

    @RegisterForReflection
    public record ContactDeletionBody(ContactDeletion.WhenDeletedInSalesforce whenDeletedInSalesforce) {
    }

    private final MappingCatalog mappings;
    private final MappingOptions mappingOptions;
    private final ObjectPairs pairs;
    private final InclusionSegmentSettings segments;
    private final SegmentChoice segmentChoice;
    private final ContactCreation contactCreation;
    private final ContactDeletion contactDeletion;
    private final DefaultOwners defaultOwners;
    private final CustomObjects customObjects;

    SettingsRoutes(MappingCatalog mappings, MappingOptions mappingOptions, ObjectPairs pairs,
            InclusionSegmentSettings segments, SegmentChoice segmentChoice, ContactCreation contactCreation,
            ContactDeletion contactDeletion, DefaultOwners defaultOwners, CustomObjects customObjects) {
        this.defaultOwners = defaultOwners;
        this.customObjects = customObjects;
        this.mappings = mappings;
        this.mappingOptions = mappingOptions;
        this.pairs = pairs;
        this.segments = segments;
        this.segmentChoice = segmentChoice;
        this.contactCreation = contactCreation;
        this.contactDeletion = contactDeletion;
    }

    @Override
    public void register(RouteTable routes) {
        routes.get("/settings", this::get)
                .put("/settings/mappings/{object}", this::putMappings)
                .get("/settings/mappings/{object}/options", r -> ApiResponse.ok(mappingOptions.options(knownObject(r))))
                .get("/settings/inclusion-segments/{object}/choices", this::segmentChoices)
                .put("/settings/inclusion-segments/{object}", this::putSegment)
                .put("/settings/contact-creation", this::putContactCreation)
                .put("/settings/contact-deletion", this::putContactDeletion)
                .get("/settings/custom-objects", r -> ApiResponse.ok(Map.of("customObjects", customObjects.all())))
                .put("/settings/custom-objects", this::putCustomObjects)
                .get("/settings/default-owners", r -> ApiResponse.ok(defaultOwners.current()))
                .put("/settings/default-owners", this::putDefaultOwners);
    }

    private ApiResponse get(ApiRequest request) {
        Map<String, Object> segmentIds = new LinkedHashMap<>();
        pairs.all().keySet().stream().sorted()
                .forEach(o -> segmentIds.put(o, segments.find(o).map(s -> s.listId()).orElse(null)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mappings", mappings.all());
        body.put("inclusionSegments", segmentIds);
        body.put("contactCreation", Map.of("createAs", contactCreation.createAs()));
        body.put("contactDeletion", Map.of("whenDeletedInSalesforce", contactDeletion.whenDeletedInSalesforce()));
        body.put("defaultOwners", defaultOwners.current());
        body.put("customObjects", customObjects.all());
        return ApiResponse.ok(body);
    }

    private ApiResponse putMappings(ApiRequest request) {
        String object = knownObject(request);
        MappingsBody body = request.bodyAs(MappingsBody.class);
        if (body.mappings() == null) {
            throw ApiException.badRequest("INVALID_MAPPING", "Send {\"mappings\":[...]}.", "mappings");
        }
        try {
            return ApiResponse.ok(Map.of("object", object, "mappings", mappings.replace(object, body.mappings())));
        } catch (InvalidMappingException e) {
            throw ApiException.badRequest("INVALID_MAPPING", e.getMessage(), e.field());
        }
    }

    private ApiResponse putSegment(ApiRequest request) {
        String object = knownObject(request);
        SegmentBody body = request.bodyAs(SegmentBody.class);
        boolean custom = !ObjectPairs.STANDARD.containsKey(object);
        try {
            var chosen = segmentChoice.choose(object, custom, body.listId());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("object", object);
            answer.put("listId", chosen.listId());
            return ApiResponse.ok(answer);
        } catch (InvalidMappingException e) {
            throw ApiException.badRequest("INVALID_SEGMENT", e.getMessage(), e.field());
        }
    }

    private ApiResponse segmentChoices(ApiRequest request) {
        String object = knownObject(request);
        try {
            var lists = segmentChoice.choices(object, !ObjectPairs.STANDARD.containsKey(object)).stream()
                    .map(l -> new SegmentOption(l.listId(), l.name(), l.size())).toList();
            return ApiResponse.ok(Map.of("object", object, "lists", lists));
        } catch (InvalidMappingException e) {
            throw ApiException.badRequest("INVALID_SEGMENT", e.getMessage(), e.field());
        }
    }

    @RegisterForReflection
    public record CustomObjectsBody(List<CustomObjects.Pair> customObjects) {
    }

    private ApiResponse putCustomObjects(ApiRequest request) {
        CustomObjectsBody body = request.bodyAs(CustomObjectsBody.class);
        try {
            return ApiResponse.ok(Map.of("customObjects", customObjects.replace(body.customObjects())));
        } catch (InvalidMappingException e) {
            throw ApiException.badRequest("INVALID_CUSTOM_OBJECT", e.getMessage(), e.field());
        }
    }

    private ApiResponse putDefaultOwners(ApiRequest request) {
        DefaultOwners.Choice body = request.bodyAs(DefaultOwners.Choice.class);
        try {
            return ApiResponse.ok(defaultOwners.choose(body));
        } catch (InvalidMappingException e) {
            throw ApiException.badRequest("INVALID_DEFAULT_OWNER", e.getMessage(), e.field());
        }
    }

    private ApiResponse putContactCreation(ApiRequest request) {
        ContactCreationBody body = request.bodyAs(ContactCreationBody.class);
        if (body.createAs() == null) {
            throw ApiException.badRequest("INVALID_VALUE", "createAs is LEAD or CONTACT.", "createAs");
        }
        try {
            return ApiResponse.ok(Map.of("createAs", contactCreation.choose(body.createAs())));
        } catch (InvalidMappingException e) {
            throw ApiException.badRequest("INVALID_VALUE", e.getMessage(), e.field());
        }
    }

    private ApiResponse putContactDeletion(ApiRequest request) {
        ContactDeletionBody body = request.bodyAs(ContactDeletionBody.class);
        if (body.whenDeletedInSalesforce() == null) {
            throw ApiException.badRequest("INVALID_VALUE",
                    "whenDeletedInSalesforce is KEEP_IN_HUBSPOT or ARCHIVE_IN_HUBSPOT.", "whenDeletedInSalesforce");
        }
        var chosen = contactDeletion.choose(body.whenDeletedInSalesforce());
        return ApiResponse.ok(Map.of("whenDeletedInSalesforce", chosen));
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
