package io.crmsync.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.jboss.logging.Logger;

import io.crmsync.hubspot.HubSpotTokenRejectedException;
import io.crmsync.store.SettingsTooLargeException;
import io.crmsync.store.StaleVersionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Dispatches an HTTP request to the route that serves it. Knows nothing of API Gateway: the {@code api} function and
 * the local HTTP server both call {@link #handle}. Every failure becomes the JSON error body; an unexpected exception
 * is logged with its cause and answered as a 500 without internals.
 */
@ApplicationScoped
public class ApiRouter {

    private static final Logger LOG = Logger.getLogger(ApiRouter.class);

    private final RouteTable routes = new RouteTable();
    private final RequestBodyReader bodyReader;

    @Inject
    public ApiRouter(Instance<ApiRoutes> capabilities, RequestBodyReader bodyReader) {
        this.bodyReader = bodyReader;
        capabilities.forEach(c -> c.register(routes));
    }

    /** Every route this API serves, as "METHOD /template". */
    public java.util.List<String> routes() {
        return routes.describe();
    }

    public ApiResponse handle(String method, String rawPath, String rawQuery, String body) {
        return handle(method, rawPath, rawQuery, Map.of(), body);
    }

    /** @param headers request headers, names in lower case */
    public ApiResponse handle(String method, String rawPath, String rawQuery, Map<String, String> headers,
            String body) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        try {
            var match = routes.match(method, path).orElseThrow(() -> ApiException.notFound("ROUTE_NOT_FOUND",
                    "No route for " + method + " " + path + ". See the README's API section for the routes."));
            if (!match.methodAllowed()) {
                throw new ApiException(405, "METHOD_NOT_ALLOWED", method + " is not allowed on " + path + ".", null);
            }
            ApiRequest request = new ApiRequest(method, path, match.params(), parseQuery(rawQuery), headers, body,
                    bodyReader, rawQuery);
            return match.handler().apply(request);
        } catch (ApiException e) {
            return new ApiResponse(e.status(), e.toError());
        } catch (StaleVersionException e) {
            // two requests saved the same document at once: the loser must re-read and decide again, not overwrite
            LOG.infof("%s %s lost an optimistic-lock race: %s", method, path, e.getMessage());
            return new ApiResponse(409, ApiError.of("CONCURRENT_CHANGE", e.what() + " was changed at the same time by"
                    + " another request, so this change was not saved. Read it again (GET), then send your change"
                    + " again.", null));
        } catch (SettingsTooLargeException e) {
            return new ApiResponse(413, ApiError.of("SETTINGS_TOO_LARGE", e.getMessage(), null));
        } catch (HubSpotTokenRejectedException e) {
            // the deployment's credential, not the request, is wrong: say which setting to fix (never the token)
            LOG.errorf("%s %s: %s", method, path, e.getMessage());
            return new ApiResponse(503, ApiError.of("HUBSPOT_TOKEN_REJECTED", e.getMessage(), null));
        } catch (RuntimeException e) {
            var limited = CrmLimitAnswers.of(e, Instant.now());
            if (limited.isPresent()) {
                LOG.warnf("%s %s: %s", method, path, e.getMessage());
                return limited.get();
            }
            LOG.errorf(e, "Unexpected failure on %s %s", method, path);
            return new ApiResponse(500, ApiError.of("INTERNAL_ERROR",
                    "crm-sync failed to handle this request; the cause is in the function's log.", null));
        }
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            String name = decode(key, key);
            query.put(name, decode(value, name));
        }
        return query;
    }

    private static String decode(String raw, String parameter) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            String shown = parameter.length() > 40 ? parameter.substring(0, 40) + "…" : parameter;
            throw ApiException.badRequest("MALFORMED_QUERY", "The query parameter '" + shown + "' is not validly "
                    + "percent-encoded: write a '%' as %25, and each other special character as % and two hex digits.",
                    shown.equals(parameter) && !parameter.contains("%") ? parameter : null);
        }
    }
}
