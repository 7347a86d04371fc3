package io.crmsync.salesforce.auth;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import io.crmsync.salesforce.error.LoginFailedException;

/**
 * Signs the JWT-bearer assertion Salesforce expects: RS256, {@code iss} = consumer key, {@code sub} = username,
 * {@code aud} = login host, {@code exp} a few minutes ahead (Salesforce allows at most 3).
 */
public final class JwtAssertions {

    private static final Duration LIFETIME = Duration.ofMinutes(3);

    private JwtAssertions() {
    }

    public static String sign(String clientId, String username, String audience, PrivateKey key) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(clientId);
        claims.setSubject(username);
        claims.setAudience(audience);
        claims.setExpirationTimeMinutesInTheFuture(LIFETIME.toMinutes());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new LoginFailedException("Could not sign the Salesforce JWT assertion: " + e.getClass().getSimpleName(),
                    e);
        }
    }

    /** Reads a PEM PKCS#8 RSA private key ({@code -----BEGIN PRIVATE KEY-----}). Errors never echo the key. */
    public static PrivateKey parsePrivateKey(String pem) {
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new LoginFailedException("crmsync.salesforce.private-key is PKCS#1 (BEGIN RSA PRIVATE KEY); convert "
                    + "it with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem", (Throwable) null);
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // The cause's message could quote key material; keep only its type.
            throw new LoginFailedException("crmsync.salesforce.private-key is not a PEM PKCS#8 RSA private key ("
                    + e.getClass().getSimpleName() + ")", (Throwable) null);
        }
    }
}
