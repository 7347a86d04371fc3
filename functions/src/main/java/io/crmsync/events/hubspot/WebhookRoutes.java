package io.crmsync.events.hubspot;

import org.jboss.logging.Logger;

import io.crmsync.api.ApiException;
import io.crmsync.api.ApiRequest;
import io.crmsync.api.ApiResponse;
import io.crmsync.api.ApiRoutes;
import io.crmsync.api.RouteTable;
import io.crmsync.config.SecretResolver;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code POST /webhooks/hubspot}: the one route outside IAM authorization (HubSpot cannot sign SigV4); the v3
 * signature is its authentication.
 */
@ApplicationScoped
public class WebhookRoutes implements ApiRoutes {

    public static final String PATH = "/webhooks/hubspot";
    private static final Logger LOG = Logger.getLogger(WebhookRoutes.class);

    private final HubSpotWebhookService webhooks;

    WebhookRoutes(HubSpotWebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public void register(RouteTable routes) {
        routes.post(PATH, this::receive);
    }

    private ApiResponse receive(ApiRequest request) {
        try {
            return ApiResponse.ok(webhooks.receive(request.method(), calledUrl(request), request.body(),
                    request.header("x-hubspot-request-timestamp"), request.header("x-hubspot-signature-v3")));
        } catch (WebhookRejectedException e) {
            LOG.warnf("HubSpot webhook refused: %s (%s)", e.code(), e.getMessage());
            throw new ApiException(e.unauthorized() ? 401 : 400, e.code(), e.getMessage(), e.field());
        } catch (SecretResolver.MissingSecretException e) {
            throw new ApiException(503, "WEBHOOKS_NOT_CONFIGURED", "crm-sync has no HubSpot app secret to check "
                    + "webhook signatures with: set crmsync.events.hubspot.app-secret-parameter (the template's "
                    + "HubSpotAppSecretParameter). Nothing was queued.", null);
        }
    }

    /**
     * The URL as HubSpot called it, which is what it signed: API Gateway terminates TLS and says so in
     * X-Forwarded-Proto; the host is the Host header HubSpot sent.
     */
    static String calledUrl(ApiRequest request) {
        String proto = request.header("x-forwarded-proto");
        String host = request.header("host");
        if (host == null || host.isBlank()) {
            throw new ApiException(400, "MALFORMED_WEBHOOK", "The request has no Host header; the v3 signature "
                    + "covers the full URL, which cannot be rebuilt without it.", null);
        }
        String query = request.query().isEmpty() ? "" : "?" + request.rawQuery();
        return (proto == null || proto.isBlank() ? "https" : proto.split(",")[0].trim()) + "://" + host
                + request.path() + query;
    }
}
