package io.crmsync.salesforce.auth;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;

import io.crmsync.salesforce.error.LoginFailedException;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtException;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Signs the JWT-bearer assertion Salesforce expects: RS256, {@code iss} = consumer key, {@code sub} = username,
 * {@code aud} = login host, {@code exp} a few minutes ahead (Salesforce allows at most 3). SmallRye JWT
 * (quarkus-smallrye-jwt-build) builds and signs it; it also adds {@code iat} and {@code jti}, which Salesforce ignores.
 */
public final class JwtAssertions {

    static final Duration LIFETIME = Duration.ofMinutes(3);

    private JwtAssertions() {
    }

    public static String sign(String clientId, String username, String audience, PrivateKey key) {
        try {
            return Jwt.issuer(clientId)
                    .subject(username)
                    .audience(audience)
                    .expiresIn(LIFETIME)
                    .jws()
                    .algorithm(SignatureAlgorithm.RS256)
                    .sign(key);
        } catch (JwtException e) {
            // The cause can describe the key; keep only its type.
            throw new LoginFailedException("Could not sign the Salesforce JWT assertion: " + e.getClass().getSimpleName(),
                    (Throwable) null);
        }
    }

    /** Reads a PEM PKCS#8 RSA private key ({@code -----BEGIN PRIVATE KEY-----}). Errors never echo the key. */
    public static PrivateKey parsePrivateKey(String pem) {
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new LoginFailedException("crmsync.salesforce.private-key is PKCS#1 (BEGIN RSA PRIVATE KEY); convert "
                    + "it with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem", (Throwable) null);
        }
        try {
            return KeyUtils.decodePrivateKey(pem, SignatureAlgorithm.RS256);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // The cause's message could quote key material; keep only its type.
            throw new LoginFailedException("crmsync.salesforce.private-key is not a PEM PKCS#8 RSA private key ("
                    + e.getClass().getSimpleName() + ")", (Throwable) null);
        }
    }
}
