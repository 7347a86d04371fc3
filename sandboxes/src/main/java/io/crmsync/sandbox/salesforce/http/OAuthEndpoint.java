package io.crmsync.sandbox.salesforce.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /services/oauth2/token}: the client-credentials and JWT-bearer grants. A JWT must be RS256-signed by
 * the configured key, with {@code iss} = client id, {@code sub} = username, an accepted {@code aud} and a future
 * {@code exp}; errors use Salesforce's {@code {"error","error_description"}} shape.
 */
public final class OAuthEndpoint {

    public static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    /** What the token endpoint accepts. Secrets are compared, never logged. */
    public record Credentials(String clientId, String clientSecret, String username, PublicKey jwtPublicKey) {
        @Override
        public String toString() {
            return "Credentials[clientId=" + clientId + ", username=" + username + "]";
        }
    }

    private final Supplier<Credentials> credentials;
    private final Sessions sessions;
    private final Supplier<String> baseUrl;

    public OAuthEndpoint(Supplier<Credentials> credentials, Sessions sessions, Supplier<String> baseUrl) {
        this.credentials = credentials;
        this.sessions = sessions;
        this.baseUrl = baseUrl;
    }

    public void handle(RoutingContext ctx) {
        MultiMap form = ctx.request().formAttributes();
        String grant = form.get("grant_type");
        Credentials expected = credentials.get();
        if ("client_credentials".equals(grant)) {
            if (!expected.clientId().equals(form.get("client_id"))) {
                Responses.oauthError(ctx, 400, "invalid_client_id", "client identifier invalid");
            } else if (!constantTimeEquals(expected.clientSecret(), form.get("client_secret"))) {
                Responses.oauthError(ctx, 400, "invalid_client", "invalid client credentials");
            } else {
                grant(ctx);
            }
        } else if (JWT_BEARER.equals(grant)) {
            String failure = verifyJwt(form.get("assertion"), expected);
            if (failure != null) {
                Responses.oauthError(ctx, 400, failure.startsWith("client") ? "invalid_client_id" : "invalid_grant",
                        failure);
            } else {
                grant(ctx);
            }
        } else {
            Responses.oauthError(ctx, 400, "unsupported_grant_type", "grant type not supported");
        }
    }

    private String verifyJwt(String assertion, Credentials expected) {
        if (assertion == null || assertion.isBlank()) {
            return "invalid assertion";
        }
        if (expected.jwtPublicKey() == null) {
            return "client identifier invalid";
        }
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(30)
                .setExpectedIssuer(expected.clientId())
                .setExpectedSubject(expected.username())
                .setExpectedAudience(List.of("https://login.salesforce.com", "https://test.salesforce.com",
                        baseUrl.get()).toArray(String[]::new))
                .setVerificationKey(expected.jwtPublicKey())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
        try {
            consumer.processToClaims(assertion);
            return null;
        } catch (InvalidJwtException e) {
            if (e.hasErrorCode(ErrorCodes.EXPIRED)) {
                return "expired authorization code";
            }
            if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
                return "audience is invalid";
            }
            if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
                return "client identifier invalid";
            }
            if (e.hasErrorCode(ErrorCodes.SUBJECT_INVALID) || e.hasErrorCode(ErrorCodes.SUBJECT_MISSING)) {
                return "user hasn't approved this consumer";
            }
            return "invalid assertion";
        }
    }

    private void grant(RoutingContext ctx) {
        String issuedAt = Long.toString(System.currentTimeMillis());
        ObjectNode body = Responses.JSON.createObjectNode();
        body.put("access_token", sessions.issue());
        body.put("instance_url", baseUrl.get());
        body.put("id", baseUrl.get() + "/id/00D5g000004SandBEAU/0055g00000IntUsAAA");
        body.put("token_type", "Bearer");
        body.put("issued_at", issuedAt);
        body.put("signature", Base64.getEncoder().encodeToString(sha256(issuedAt)));
        body.put("scope", "api");
        Responses.json(ctx, 200, body);
    }

    private static boolean constantTimeEquals(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
