package io.crmsync.console;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.crmsync.api.ApiException;
import io.crmsync.api.ApiRequest;
import io.crmsync.api.ApiResponse;
import io.crmsync.api.ApiRoutes;
import io.crmsync.api.RouteTable;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code /console/}: the web console's files, served by the api function so that one deployment carries it. Paths
 * without a file extension are the console's own pages ({@code /console/records/contact/1}) and get index.html,
 * which routes them in the browser. Hashed bundles under {@code assets/} are cached for a year; index.html is
 * revalidated on every load (ETag), so a new deployment is picked up at once.
 */
@ApplicationScoped
public class ConsoleRoutes implements ApiRoutes {

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /**
     * Where /console and / send a browser: a page path under /console/, which the deployed console API serves
     * without a token (GET /console/{proxy+}), whereas /console/ itself may not match that route.
     */
    static final String ENTRY = "/console/imports";

    private final ConsoleAssets assets;
    private final ConsoleConfig config;

    ConsoleRoutes(ConsoleAssets assets, ConsoleConfig config) {
        this.assets = assets;
        this.config = config;
    }

    @Override
    public void register(RouteTable routes) {
        routes.get("/console", r -> r.path().endsWith("/") ? serve(r, ConsoleAssets.INDEX)
                        : new ApiResponse(308, null, Map.of("Location", ENTRY)))
                .get("/console/config.json", this::clientConfig)
                .get("/console/{path+}", r -> serve(r, r.pathParam("path")));
        routes.get("/", r -> new ApiResponse(302, null, Map.of("Location", ENTRY)));
    }

    private ApiResponse serve(ApiRequest request, String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        boolean page = !last.contains(".");
        ConsoleAsset asset = assets.find(page ? ConsoleAssets.INDEX : path).orElseThrow(() -> page
                ? new ApiException(503, "CONSOLE_NOT_BUILT", "This artifact was built without the console: build "
                        + "it with ./mvnw package (the console module builds it).", null)
                : ApiException.notFound("NOT_FOUND", "The console has no file " + path + "."));
        return answer(request, asset, page || path.equals(ConsoleAssets.INDEX) ? "no-cache"
                : path.startsWith("assets/") ? IMMUTABLE : "public, max-age=3600");
    }

    private ApiResponse answer(ApiRequest request, ConsoleAsset asset, String cacheControl) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", asset.contentType());
        headers.put("Cache-Control", cacheControl);
        headers.put("ETag", asset.etag());
        headers.put("X-Content-Type-Options", "nosniff");
        if (asset.contentType().startsWith("text/html")) {
            headers.putAll(pageSecurityHeaders());
        }
        if (asset.gzipped() != null) {
            headers.put("Vary", "Accept-Encoding");
        }
        if (matches(request.header("if-none-match"), asset.etag())) {
            return new ApiResponse(304, null, without(headers, "Content-Type"));
        }
        if (asset.gzipped() != null && acceptsGzip(request.header("accept-encoding"))) {
            headers.put("Content-Encoding", "gzip");
            return ApiResponse.bytes(200, asset.gzipped(), headers);
        }
        return ApiResponse.bytes(200, asset.bytes(), headers);
    }

    /** The console's own origin for everything; the sign-in provider too when there is one. */
    private Map<String, String> pageSecurityHeaders() {
        String connect = "'self'" + config.oidc().issuer().flatMap(ConsoleRoutes::origin).map(o -> " " + o).orElse("");
        return Map.of(
                "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' "
                        + "data:; connect-src " + connect + "; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
                "Referrer-Policy", "no-referrer");
    }

    private ApiResponse clientConfig(ApiRequest request) {
        Map<String, Object> auth = null;
        Optional<String> issuer = config.oidc().issuer().filter(s -> !s.isBlank());
        if (issuer.isPresent()) {
            auth = new LinkedHashMap<>();
            auth.put("issuer", issuer.get());
            auth.put("clientId", config.oidc().clientId().filter(s -> !s.isBlank())
                    .or(() -> config.oidc().audience()).orElse(""));
            auth.put("scopes", config.oidc().scopes());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("auth", auth);
        return new ApiResponse(200, body, Map.of("Cache-Control", "no-cache"));
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                return parts.length == 1 || !parts[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    private static Optional<String> origin(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() == null || uri.getHost() == null ? Optional.empty()
                    : Optional.of(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> without(Map<String, String> headers, String name) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.remove(name);
        return copy;
    }
}
