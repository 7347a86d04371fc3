package io.crmsync.hubspot;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crmsync.config.SecretResolver;
import io.crmsync.limits.CallsAtOnce;
import io.crmsync.hubspot.model.BatchError;
import io.crmsync.hubspot.model.BatchResult;
import io.crmsync.hubspot.model.CrmObject;
import io.crmsync.hubspot.model.CustomObjectSchema;
import io.crmsync.hubspot.model.HubSpotOwner;
import io.crmsync.hubspot.model.ObjectInput;
import io.crmsync.hubspot.model.ObjectUpdate;
import io.crmsync.hubspot.model.ObjectUpsert;
import io.crmsync.hubspot.model.PropertyDefinition;
import io.crmsync.hubspot.model.RateLimitHeadroom;
import io.crmsync.hubspot.model.SearchPage;
import io.crmsync.hubspot.model.SearchRequest;
import io.crmsync.hubspot.model.UpsertResult;
import io.crmsync.usage.ApiCallCounter;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * The HubSpot CRM v3 client: objects (batch read/create/update/upsert, chunked into HubSpot's 100 inputs per call),
 * search (one page, or every result past the 10,000 cap), property definitions, Lists v3 and associations v4
 * (see {@link HubSpotLists} and {@link HubSpotAssociations}). Calls are paced from the rate-limit headers,
 * retried when the failure passes, counted by kind, and failures surface as typed {@link HubSpotApiException}s.
 * A batch method's chunks are sent at once ({@code crmsync.hubspot.parallel-calls}), each waiting for the shared
 * pacer: with real latency a 200-record read takes one call's time, not two.
 */
/* Unremovable: its configuration must be validated in every function, even one that does not call HubSpot. */
@ApplicationScoped
@Unremovable
public class HubSpotClient {

    static final int BATCH_SIZE = 100;

    private final HubSpotConfig config;
    private final SecretResolver secrets;
    private final ObjectMapper mapper = new ObjectMapper();
    private final ApiCallCounter calls = new ApiCallCounter("hubspot");
    private final ApiCallCounter failures = new ApiCallCounter("hubspot-failures");
    private HubSpotApi api;
    private HubSpotTransport transport;
    private HubSpotLists lists;
    private HubSpotAssociations associations;
    private CallsAtOnce chunks;

    @Inject
    public HubSpotClient(HubSpotConfig config, SecretResolver secrets) {
        this.config = config;
        this.secrets = secrets;
    }

    @PostConstruct
    void init() {
        URI base;
        try {
            base = URI.create(config.baseUrl());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("crmsync.hubspot.base-url is not a URL: " + config.baseUrl(), e);
        }
        BearerTokenHeaders token = new BearerTokenHeaders(() -> secrets.resolve("crmsync.hubspot.token",
                config.token(), config.tokenParameter()));
        api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(base)
                .disableDefaultMapper(true)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .clientHeadersFactory(token)
                .build(HubSpotApi.class);
        transport = new HubSpotTransport(config, calls, failures, mapper, Clock.systemUTC(), token);
        lists = new HubSpotLists(api, transport, mapper);
        associations = new HubSpotAssociations(api, transport, mapper);
        chunks = new CallsAtOnce("hubspot-batch-chunks", config.parallelCalls());
    }

    @PreDestroy
    void stop() {
        chunks.close();
    }

    /** Calls made so far, by kind ({@code objects.batch.upsert}, {@code search}, ...), retries included. */
    public ApiCallCounter calls() {
        return calls;
    }

    /** Failed answers so far, by kind and status ({@code objects.batch.upsert.429}), retried ones included. */
    public ApiCallCounter failures() {
        return failures;
    }

    /** How long calls waited at this client's pacer so far, by rule. */
    /** Calls waiting for the pacer right now, summed over the threads that make them. */
    public int callsWaitingAtPacer() {
        return transport.callsWaitingAtPacer();
    }

    public PacerWaits pacerWaits() {
        return transport.pacerWaits();
    }

    /** What the last rate-limit headers said, if any answer carried them yet. */
    public Optional<RateLimitHeadroom> headroom() {
        return transport.headroom();
    }

    public HubSpotLists lists() {
        return lists;
    }

    public HubSpotAssociations associations() {
        return associations;
    }

    /** Reads records by id, or by a unique property when {@code idProperty} is given; unknown ids come back as errors. */
    public BatchResult<CrmObject> batchRead(String objectType, List<String> ids, List<String> properties,
            Optional<String> idProperty) {
        return chunked(ids, chunk -> {
            ObjectNode body = mapper.createObjectNode();
            chunk.forEach(id -> body.withArray("inputs").addObject().put("id", id));
            ArrayNode props = body.putArray("properties");
            properties.forEach(props::add);
            idProperty.ifPresent(p -> body.put("idProperty", p));
            return objects("objects.batch.read", send("objects.batch.read", objectType, "read", body));
        });
    }

    /**
     * Creates records, 100 per call. Without an {@code objectWriteTraceId} on every input HubSpot fails a whole chunk
     * on one bad input (e.g. 409 for a taken email, thrown as {@link HubSpotConflictException}; earlier chunks stay
     * created, later ones are not sent, so the chunks go one after another); with trace ids it answers 207, the bad
     * inputs come back in {@link BatchResult#errors()}, and the chunks go at once.
     */
    public BatchResult<CrmObject> batchCreate(String objectType, List<ObjectInput> inputs) {
        boolean traced = inputs.stream().allMatch(i -> i.objectWriteTraceId() != null);
        return chunked(inputs, traced, chunk -> {
            ObjectNode body = mapper.createObjectNode();
            ArrayNode array = body.putArray("inputs");
            for (ObjectInput input : chunk) {
                ObjectNode node = array.addObject();
                node.set("properties", mapper.valueToTree(input.properties()));
                if (input.objectWriteTraceId() != null) {
                    node.put("objectWriteTraceId", input.objectWriteTraceId());
                }
            }
            return objects("objects.batch.create", send("objects.batch.create", objectType, "create", body));
        });
    }

    public BatchResult<CrmObject> batchUpdate(String objectType, List<ObjectUpdate> inputs) {
        return chunked(inputs, chunk -> {
            ObjectNode body = mapper.createObjectNode();
            ArrayNode array = body.putArray("inputs");
            chunk.forEach(u -> array.addObject().put("id", u.id()).set("properties", mapper.valueToTree(u.properties())));
            return objects("objects.batch.update", send("objects.batch.update", objectType, "update", body));
        });
    }

    /** Archives records (HubSpot's delete: restorable from the recycle bin for 90 days), 100 per call. */
    public void batchArchive(String objectType, List<String> ids) {
        chunked(ids, chunk -> {
            ObjectNode body = mapper.createObjectNode();
            ArrayNode array = body.putArray("inputs");
            chunk.forEach(id -> array.addObject().put("id", id));
            send("objects.batch.archive", objectType, "archive", body);
            return new BatchResult<>(List.of(), List.of());
        });
    }

    /** Creates or updates by {@code idProperty} ({@code email} for contacts, or a property with unique values). */
    public BatchResult<UpsertResult> batchUpsert(String objectType, String idProperty, List<ObjectUpsert> inputs) {
        return chunked(inputs, chunk -> {
            ObjectNode body = mapper.createObjectNode();
            ArrayNode array = body.putArray("inputs");
            chunk.forEach(u -> array.addObject().put("idProperty", idProperty).put("id", u.idValue())
                    .set("properties", mapper.valueToTree(u.properties())));
            JsonNode answer = send("objects.batch.upsert", objectType, "upsert", body);
            List<UpsertResult> results = new ArrayList<>();
            for (JsonNode node : HubSpotReader.results("objects.batch.upsert", answer)) {
                results.add(new UpsertResult(HubSpotReader.object("objects.batch.upsert", node),
                        node.path("new").asBoolean(false)));
            }
            return new BatchResult<>(results, HubSpotReader.errors(answer));
        });
    }

    /** One page of a search. */
    public SearchPage search(String objectType, SearchRequest request) {
        String json = SearchBodies.toJson(mapper, request);
        JsonNode answer = transport.call("search", () -> api.search(objectType, json));
        List<CrmObject> results = new ArrayList<>();
        for (JsonNode node : HubSpotReader.results("search", answer)) {
            results.add(HubSpotReader.object("search", node));
        }
        return new SearchPage(answer.path("total").asLong(results.size()), results, HubSpotReader.nextAfter(answer));
    }

    /**
     * Every result of a search, lazily, page by page, past the 10,000 cap by re-windowing on the (ascending) sort
     * property; without a sort, on the type's last-modified property.
     */
    public Stream<CrmObject> searchAll(String objectType, SearchRequest request) {
        SearchCursor cursor = new SearchCursor(r -> search(objectType, r), request, lastModifiedProperty(objectType));
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    /** Property definitions of a type, with data type and field type for type-checking mappings. */
    public List<PropertyDefinition> properties(String objectType) {
        JsonNode answer = transport.call("properties", () -> api.properties(objectType));
        List<PropertyDefinition> out = new ArrayList<>();
        for (JsonNode p : HubSpotReader.results("properties", answer)) {
            List<String> options = new ArrayList<>();
            p.path("options").forEach(o -> options.add(o.path("value").asText()));
            out.add(new PropertyDefinition(p.path("name").asText(), p.path("label").asText(), p.path("type").asText(),
                    p.path("fieldType").asText(), p.path("hasUniqueValue").asBoolean(false),
                    p.path("modificationMetadata").path("readOnlyValue").asBoolean(false),
                    p.path("calculated").asBoolean(false), options));
        }
        return out;
    }

    /**
     * Creates a property ({@code POST /crm/v3/properties/{objectType}}); a property of that name existing already is a
     * {@link HubSpotConflictException}. {@code options} are the values of an enumeration or bool property.
     */
    public PropertyDefinition createProperty(String objectType, PropertyDefinition property, String groupName,
            String description) {
        ObjectNode body = mapper.createObjectNode().put("name", property.name()).put("label", property.label())
                .put("type", property.type()).put("fieldType", property.fieldType()).put("groupName", groupName)
                .put("description", description).put("hasUniqueValue", property.hasUniqueValue());
        ArrayNode options = body.putArray("options");
        for (int i = 0; i < property.options().size(); i++) {
            String option = property.options().get(i);
            options.addObject().put("label", option).put("value", option).put("displayOrder", i).put("hidden", false);
        }
        String json = body.toString();
        JsonNode p = transport.call("properties.create", () -> api.createProperty(objectType, json));
        return new PropertyDefinition(p.path("name").asText(), p.path("label").asText(), p.path("type").asText(),
                p.path("fieldType").asText(), p.path("hasUniqueValue").asBoolean(false), false, false,
                property.options());
    }

    /** The portal's custom object types ({@code GET /crm/v3/schemas}), one call. */
    public List<CustomObjectSchema> customObjectSchemas() {
        JsonNode answer = transport.call("schemas", api::schemas);
        List<CustomObjectSchema> out = new ArrayList<>();
        for (JsonNode s : HubSpotReader.results("schemas", answer)) {
            out.add(new CustomObjectSchema(s.path("objectTypeId").asText(), s.path("name").asText(),
                    s.path("fullyQualifiedName").asText(), s.path("labels").path("plural").asText()));
        }
        return out;
    }

    /** Every active owner of the portal, 500 per call. */
    public List<HubSpotOwner> owners() {
        List<HubSpotOwner> out = new ArrayList<>();
        String after = null;
        do {
            String page = after;
            JsonNode answer = transport.call("owners", () -> api.owners(500, page));
            for (JsonNode o : HubSpotReader.results("owners", answer)) {
                out.add(new HubSpotOwner(o.path("id").asText(), o.path("email").asText(null),
                        o.path("firstName").asText(null), o.path("lastName").asText(null)));
            }
            after = HubSpotReader.nextAfter(answer).orElse(null);
        } while (after != null);
        return out;
    }

    /** Contacts keep {@code lastmodifieddate}; every other type uses {@code hs_lastmodifieddate}. */
    public static String lastModifiedProperty(String objectType) {
        return objectType.equals("contacts") || objectType.equals("contact") || objectType.equals("0-1")
                ? "lastmodifieddate" : "hs_lastmodifieddate";
    }

    private JsonNode send(String kind, String objectType, String operation, ObjectNode body) {
        String json = body.toString();
        return transport.call(kind, () -> api.batch(objectType, operation, json));
    }

    private BatchResult<CrmObject> objects(String kind, JsonNode answer) {
        List<CrmObject> results = new ArrayList<>();
        for (JsonNode node : HubSpotReader.results(kind, answer)) {
            results.add(HubSpotReader.object(kind, node));
        }
        return new BatchResult<>(results, HubSpotReader.errors(answer));
    }

    private <I, T> BatchResult<T> chunked(List<I> inputs, Function<List<I>, BatchResult<T>> call) {
        return chunked(inputs, true, call);
    }

    /**
     * {@code inputs} in chunks of 100, at once or one after another; results and errors in input order either way.
     * At once, a failing chunk is thrown only after the others are done (they are written, as the caller's retry
     * expects of a redelivered batch); one after another, the chunks after a failing one are not sent.
     */
    private <I, T> BatchResult<T> chunked(List<I> inputs, boolean atOnce, Function<List<I>, BatchResult<T>> call) {
        List<Supplier<BatchResult<T>>> calls = new ArrayList<>();
        for (int from = 0; from < inputs.size(); from += BATCH_SIZE) {
            List<I> chunk = inputs.subList(from, Math.min(inputs.size(), from + BATCH_SIZE));
            calls.add(() -> call.apply(chunk));
        }
        List<BatchResult<T>> parts = atOnce ? chunks.all(calls) : calls.stream().map(Supplier::get).toList();
        List<T> results = new ArrayList<>();
        List<BatchError> errors = new ArrayList<>();
        for (BatchResult<T> part : parts) {
            results.addAll(part.results());
            errors.addAll(part.errors());
        }
        return new BatchResult<>(results, errors);
    }
}
