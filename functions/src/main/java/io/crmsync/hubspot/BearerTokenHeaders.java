package io.crmsync.hubspot;

import java.util.function.Supplier;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Adds {@code Authorization: Bearer <token>} to every call. The token is resolved on first use (from SSM or inline
 * config) and kept only here; it is never logged or put in an exception. {@link #forget()} makes the next call read
 * it again, so a token rotated in SSM is picked up without a redeploy.
 */
final class BearerTokenHeaders implements ClientHeadersFactory {

    private final Supplier<String> token;
    private volatile String cached;

    BearerTokenHeaders(Supplier<String> token) {
        this.token = token;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Authorization", "Bearer " + token());
        return headers;
    }

    private String token() {
        String value = cached;
        if (value == null) {
            synchronized (this) {
                if (cached == null) {
                    cached = token.get();
                }
                value = cached;
            }
        }
        return value;
    }

    /** The next call reads the token again from where it is configured. */
    void forget() {
        cached = null;
    }

    @Override
    public String toString() {
        return "BearerTokenHeaders[token=***]";
    }
}
