package io.crmsync.salesforce.http;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/**
 * Sends {@code Sforce-Call-Options: client=crm-sync} on every Salesforce call. Salesforce puts the client id into the
 * {@code changeOrigin} of the change events a write causes, which is how crm-sync recognises (and drops) its own
 * writes when they come back as events.
 */
public final class CallOptions implements ClientRequestFilter {

    /** The client id crm-sync names itself with. */
    public static final String CLIENT_ID = "crm-sync";
    public static final String HEADER = "Sforce-Call-Options";

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HEADER, "client=" + CLIENT_ID);
    }
}
