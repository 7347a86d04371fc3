package io.crmsync.salesforce.http;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import io.crmsync.salesforce.SalesforceSettings;
import io.crmsync.salesforce.auth.AccessToken;
import io.crmsync.salesforce.auth.TokenProvider;
import io.crmsync.salesforce.error.InvalidResponseException;
import io.crmsync.salesforce.error.SalesforceErrors;
import io.crmsync.salesforce.error.SalesforceUnavailableException;
import io.crmsync.salesforce.error.SessionExpiredException;
import io.crmsync.salesforce.error.TransientSalesforceException;
import io.crmsync.salesforce.model.ApiUsage;
import io.crmsync.usage.ApiCallCounter;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

/**
 * Sends one logical call to the data API: counts every HTTP attempt by kind, reads {@code Sforce-Limit-Info} from
 * every answer, logs in again once on INVALID_SESSION_ID, maps errors to their exception types and retries the
 * transient ones (row lock, 5xx, concurrent-request limit, unreachable) with capped exponential backoff and jitter.
 * The daily limit is not transient and is never retried.
 */
public final class SalesforceTransport {

    private static final Logger LOG = Logger.getLogger(SalesforceTransport.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SalesforceSettings settings;
    private final TokenProvider tokens;
    private final ApiCallCounter counter;
    private final Guard retry;
    private final Map<URI, SalesforceDataApi> apis = new ConcurrentHashMap<>();
    private final AtomicReference<ApiUsage> lastUsage = new AtomicReference<>();

    public SalesforceTransport(SalesforceSettings settings, TokenProvider tokens, ApiCallCounter counter) {
        this.settings = settings;
        this.tokens = tokens;
        this.counter = counter;
        SalesforceSettings.RetrySettings r = settings.retry();
        this.retry = Guard.create()
                .withDescription("salesforce-transient-errors")
                .withRetry()
                .maxRetries(r.maxRetries())
                .delay(r.initialDelay().toMillis(), ChronoUnit.MILLIS)
                .jitter(r.jitter().toMillis(), ChronoUnit.MILLIS)
                .maxDuration(Math.max(60_000, r.maxDelay().toMillis() * (r.maxRetries() + 1L)), ChronoUnit.MILLIS)
                .whenException(e -> e instanceof TransientSalesforceException)
                .beforeRetry((Throwable e) -> LOG.debugf("Retrying a Salesforce call after %s",
                        ((TransientSalesforceException) e).errorCode()))
                .withExponentialBackoff()
                .factor(2)
                .maxDelay(r.maxDelay().toMillis(), ChronoUnit.MILLIS)
                .done()
                .done()
                .build();
    }

    /** Calls the API; returns the JSON body ({@link NullNode} for 204). */
    public JsonNode call(String kind, BiFunction<SalesforceDataApi, String, Response> request) {
        return retry.get(() -> withSession(kind, request), JsonNode.class);
    }

    public String apiVersion() {
        return settings.apiVersion();
    }

    public Optional<ApiUsage> lastUsage() {
        return Optional.ofNullable(lastUsage.get());
    }

    private JsonNode withSession(String kind, BiFunction<SalesforceDataApi, String, Response> request) {
        io.crmsync.limits.CallDeadline.requireTimeLeft("Salesforce " + kind);
        AccessToken token = tokens.current();
        try {
            return once(kind, token, request);
        } catch (SessionExpiredException e) {
            LOG.debug("Salesforce session expired; logging in again");
            tokens.invalidate(token);
            return once(kind, tokens.current(), request);
        }
    }

    private JsonNode once(String kind, AccessToken token, BiFunction<SalesforceDataApi, String, Response> request) {
        counter.record(kind);
        Response response;
        try {
            response = request.apply(api(token.instanceUrl()), token.authorizationHeader());
        } catch (ProcessingException e) {
            throw new SalesforceUnavailableException("Cannot reach Salesforce at " + token.instanceUrl() + ": "
                    + e.getClass().getSimpleName(), e);
        }
        try (response) {
            ApiUsage.parseHeader(response.getHeaderString("Sforce-Limit-Info")).ifPresent(lastUsage::set);
            String body = response.hasEntity() ? response.readEntity(String.class) : null;
            if (response.getStatus() >= 300) {
                throw SalesforceErrors.fromResponse(response.getStatus(), body);
            }
            if (body == null || body.isBlank()) {
                return NullNode.getInstance();
            }
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new InvalidResponseException("Salesforce answered " + kind + " with a body that is not JSON");
            }
        } catch (ProcessingException e) {
            throw new SalesforceUnavailableException("Lost the connection to Salesforce during " + kind, e);
        }
    }

    private SalesforceDataApi api(URI instanceUrl) {
        return apis.computeIfAbsent(instanceUrl, uri -> QuarkusRestClientBuilder.newBuilder().baseUri(uri)
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .register(new CallOptions())
                .build(SalesforceDataApi.class));
    }
}
