package io.crmsync.salesforce.auth;

import java.net.URI;

/** An access token and the instance it is good for. {@link #toString()} never shows the token. */
public record AccessToken(String value, URI instanceUrl) {

    public String authorizationHeader() {
        return "Bearer " + value;
    }

    @Override
    public String toString() {
        return "AccessToken[instanceUrl=" + instanceUrl + ", value=***]";
    }
}
