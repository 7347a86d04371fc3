package io.crmsync.salesforce;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.salesforce.auth.TokenProvider;
import io.crmsync.salesforce.error.InvalidResponseException;
import io.crmsync.salesforce.http.SalesforceTransport;
import io.crmsync.salesforce.model.ApiUsage;
import io.crmsync.salesforce.model.DeletedRecords;
import io.crmsync.salesforce.model.Describe;
import io.crmsync.salesforce.model.OrgLimit;
import io.crmsync.salesforce.model.QueryPage;
import io.crmsync.salesforce.model.SObject;
import io.crmsync.salesforce.model.UpdatedIds;
import io.crmsync.salesforce.soql.Condition;
import io.crmsync.salesforce.soql.Soql;
import io.crmsync.usage.ApiCallCounter;

/**
 * crm-sync's Salesforce REST client: SOQL queries built with {@link Soql} (checked against the cached describe),
 * queryMore, COUNT(), keyset paging, getUpdated/getDeleted, /limits, and sObject Collections writes (see
 * {@link SalesforceCollections}). Every HTTP call is counted by kind in {@link #calls()}, and the org's remaining
 * daily calls are known from the last {@code Sforce-Limit-Info} header.
 */
public class SalesforceClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT_RECORDS_URL = Pattern.compile("/services/data/(v\\d+\\.\\d+)/query/([A-Za-z0-9]+-\\d+)");
    /** The most rows one query page holds. */
    public static final int MAX_PAGE = 2000;

    private final SalesforceTransport transport;
    private final TokenProvider tokens;
    private final ApiCallCounter counter = new ApiCallCounter("salesforce");
    private final Map<String, Describe> describes = new ConcurrentHashMap<>();
    private final SalesforceCollections collections;

    public SalesforceClient(SalesforceSettings settings) {
        this.tokens = new TokenProvider(settings);
        this.transport = new SalesforceTransport(settings, tokens, counter);
        this.collections = new SalesforceCollections(transport, this::describe);
    }

    /** Describe of an sObject, fetched once and cached (fields change rarely; restart to pick changes up). */
    public Describe describe(String sobject) {
        return describes.computeIfAbsent(sobject.toLowerCase(Locale.ROOT), k -> {
            JsonNode body = transport.call("describe", (api, auth) -> api.describe(auth, transport.apiVersion(), sobject));
            try {
                Describe d = JSON.treeToValue(body, Describe.class);
                if (d.name() == null || d.fields().isEmpty()) {
                    throw new InvalidResponseException("The describe of " + sobject + " has no name or no fields");
                }
                return d;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new InvalidResponseException("The describe of " + sobject + " is not in the expected shape");
            }
        });
    }

    /** Drops cached describes, so the next use fetches them again (after fields are added in the org). */
    public void forgetDescribes() {
        describes.clear();
    }

    /** The first page of a query (up to 2,000 rows). */
    public QueryPage queryPage(Soql soql) {
        String text = soql.render(describe(soql.sobject()));
        String encoded = encodeQuery(text);
        JsonNode body = transport.call("query", (api, auth) -> api.query(auth, transport.apiVersion(), encoded, null));
        return page(body, soql.sobject());
    }

    /** The next page, from a page's {@code nextRecordsUrl}. */
    public QueryPage queryMore(String nextRecordsUrl) {
        Matcher m = nextRecordsUrl == null ? null : NEXT_RECORDS_URL.matcher(nextRecordsUrl);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("Not a Salesforce nextRecordsUrl: " + nextRecordsUrl);
        }
        String version = m.group(1);
        String locator = m.group(2);
        JsonNode body = transport.call("queryMore", (api, auth) -> api.queryMore(auth, version, locator));
        return page(body, null);
    }

    /** Every row of a query, following nextRecordsUrl (one API call per 2,000 rows). */
    public List<SObject> query(Soql soql) {
        List<SObject> all = new ArrayList<>();
        QueryPage page = queryPage(soql);
        all.addAll(page.records());
        while (!page.done()) {
            page = queryMore(page.nextRecordsUrl());
            all.addAll(page.records());
        }
        return all;
    }

    /** {@code SELECT COUNT() FROM ...}: the number of matching rows, in one call. */
    public long count(Soql soql) {
        if (!soql.countOnly()) {
            throw new IllegalArgumentException("count() needs Soql.count().from(...)");
        }
        String encoded = encodeQuery(soql.render(describe(soql.sobject())));
        JsonNode body = transport.call("count", (api, auth) -> api.query(auth, transport.apiVersion(), encoded, null));
        if (!body.path("totalSize").isIntegralNumber()) {
            throw new InvalidResponseException("A COUNT() answer without totalSize");
        }
        return body.get("totalSize").asLong();
    }

    /**
     * One keyset page: {@code WHERE Id > :afterId [AND filter] ORDER BY Id LIMIT :limit}. Unlike a cursor it can
     * be resumed from any worker with only the last Id, which is what chunked imports need.
     *
     * @param afterId null for the first page
     */
    public List<SObject> keysetPage(String sobject, List<String> fields, Condition filter, String afterId, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("A keyset page holds 1 to " + MAX_PAGE + " rows, not " + limit);
        }
        List<String> selected = new ArrayList<>(fields);
        if (selected.stream().noneMatch(f -> f.equalsIgnoreCase("Id"))) {
            selected.add(0, "Id");
        }
        Condition where = afterId == null ? filter
                : filter == null ? Condition.gt("Id", afterId) : Condition.and(Condition.gt("Id", afterId), filter);
        Soql soql = Soql.select(selected).from(sobject).orderBy("Id").limit(limit);
        return query(where == null ? soql : soql.where(where));
    }

    /** The greatest Id of the records {@code filter} selects (one query), or empty when it selects none. */
    public Optional<String> lastId(String sobject, Condition filter) {
        Soql soql = Soql.select("Id").from(sobject).orderBy("Id", true).limit(1);
        List<SObject> last = query(filter == null ? soql : soql.where(filter));
        return last.isEmpty() ? Optional.empty() : Optional.of(last.get(0).id());
    }

    /** sObject Collections writes and retrieve; the methods below are shortcuts to it. */
    public SalesforceCollections collections() {
        return collections;
    }

    public List<io.crmsync.salesforce.model.SaveResult> create(List<SObject> records) {
        return collections.create(records);
    }

    public List<io.crmsync.salesforce.model.SaveResult> update(List<SObject> records) {
        return collections.update(records);
    }

    public List<io.crmsync.salesforce.model.SaveResult> upsert(String sobject, String externalIdField,
            List<SObject> records) {
        return collections.upsert(sobject, externalIdField, records);
    }

    public List<Optional<SObject>> retrieve(String sobject, List<String> ids, List<String> fields) {
        return collections.retrieve(sobject, ids, fields);
    }

    public List<io.crmsync.salesforce.model.SaveResult> delete(List<String> ids) {
        return collections.delete(ids);
    }

    public UpdatedIds getUpdated(String sobject, Instant start, Instant end) {
        JsonNode body = transport.call("getUpdated", (api, auth) -> api.updated(auth, transport.apiVersion(),
                describe(sobject).name(), iso(start), iso(end)));
        return convert(body, UpdatedIds.class, "getUpdated");
    }

    public DeletedRecords getDeleted(String sobject, Instant start, Instant end) {
        JsonNode body = transport.call("getDeleted", (api, auth) -> api.deleted(auth, transport.apiVersion(),
                describe(sobject).name(), iso(start), iso(end)));
        return convert(body, DeletedRecords.class, "getDeleted");
    }

    /** The org's limits ({@code DailyApiRequests}, ...). */
    public Map<String, OrgLimit> limits() {
        JsonNode body = transport.call("limits", (api, auth) -> api.limits(auth, transport.apiVersion()));
        Map<String, OrgLimit> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = body.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), convert(e.getValue(), OrgLimit.class, "limits"));
        }
        return out;
    }

    /** Remaining daily API calls per the last {@code Sforce-Limit-Info}; empty before the first call. */
    public OptionalLong remainingDailyCalls() {
        return transport.lastUsage().map(u -> OptionalLong.of(u.remaining())).orElse(OptionalLong.empty());
    }

    public Optional<ApiUsage> apiUsage() {
        return transport.lastUsage();
    }

    /** Data API calls made, by kind (every HTTP attempt, retries included: Salesforce counts them all). */
    public ApiCallCounter calls() {
        return counter;
    }

    /** Token requests made (these do not count against the org's API allocation). */
    public long logins() {
        return tokens.logins();
    }

    /** Percent-encodes everything but unreserved characters, so no {@code + % &} in a value is misread. */
    static String encodeQuery(String soql) {
        return URLEncoder.encode(soql, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static QueryPage page(JsonNode body, String expectedType) {
        if (!body.path("records").isArray() || !body.path("done").isBoolean()) {
            throw new InvalidResponseException("A query answer without records or done");
        }
        boolean done = body.get("done").asBoolean();
        String next = body.path("nextRecordsUrl").asText(null);
        if (!done && (next == null || !NEXT_RECORDS_URL.matcher(next).matches())) {
            throw new InvalidResponseException("A query page that is not done has no valid nextRecordsUrl");
        }
        List<SObject> records = new ArrayList<>();
        body.get("records").forEach(r -> records.add(SObject.fromJson(r, expectedType)));
        return new QueryPage(body.path("totalSize").asInt(records.size()), done, done ? null : next, records);
    }

    private static <T> T convert(JsonNode node, Class<T> type, String kind) {
        try {
            return JSON.treeToValue(node, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidResponseException("The " + kind + " answer is not in the expected shape");
        }
    }
}
