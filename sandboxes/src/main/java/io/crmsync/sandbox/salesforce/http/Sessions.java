package io.crmsync.sandbox.salesforce.http;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens the sandbox issued, each valid for the session timeout (2 h by default, as in Salesforce). */
public final class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private volatile Duration timeout = Duration.ofHours(2);
    private volatile boolean acceptAnyToken;

    public String issue() {
        byte[] bytes = new byte[30];
        RANDOM.nextBytes(bytes);
        String token = "00D5g000004SandB!AR" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        expiries.put(token, Instant.now().plus(timeout));
        return token;
    }

    public boolean valid(String token) {
        if (token == null || token.isBlank()) {
            return false;
        }
        if (acceptAnyToken) {
            return true;
        }
        Instant expiry = expiries.get(token);
        return expiry != null && Instant.now().isBefore(expiry);
    }

    /** Every issued token becomes invalid: the next call answers 401 INVALID_SESSION_ID. */
    public void expireAll() {
        expiries.clear();
    }

    public void timeout(Duration timeout) {
        this.timeout = timeout;
    }

    public void acceptAnyToken(boolean accept) {
        this.acceptAnyToken = accept;
    }

    public int issuedCount() {
        return expiries.size();
    }
}
