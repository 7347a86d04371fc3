package io.crmsync.hubspot;

/**
 * HubSpot refused the private app token twice, the second time just after it was read again from where it is
 * configured: the configured token itself is wrong, revoked or from another portal. The message names the setting
 * to fix, never the token.
 */
public class HubSpotTokenRejectedException extends HubSpotAuthenticationException {

    public HubSpotTokenRejectedException(String operation, HubSpotAuthenticationException cause) {
        super(operation, 401, cause.category(), "HubSpot refused crm-sync's private app token (401), also after"
                + " reading it again. Put the app's current access token in the SSM SecureString parameter named by"
                + " crmsync.hubspot.token-parameter (HubSpotTokenParameter in the template); crm-sync reads it on the"
                + " next call, no redeploy needed.", cause.correlationId());
        initCause(cause);
    }
}
