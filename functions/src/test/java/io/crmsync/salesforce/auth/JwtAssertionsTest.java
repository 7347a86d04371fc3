package io.crmsync.salesforce.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.salesforce.error.LoginFailedException;

/**
 * The assertion read as Salesforce reads it: the header and claims decoded by hand and the RS256 signature checked
 * with the JDK, so that the test does not lean on the library that built it.
 */
class JwtAssertionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KeyPair keys;
    private static String pem;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    @Test
    void sign_writesTheClaimsSalesforceChecks_signedRs256WithTheKey() throws Exception {
        // given
        long before = Instant.now().getEpochSecond();
        // when
        String jwt = JwtAssertions.sign("consumer-key", "sync@example.com", "https://login.salesforce.com",
                JwtAssertions.parsePrivateKey(pem));
        // then
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        JsonNode header = decode(parts[0]);
        JsonNode claims = decode(parts[1]);
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(claims.path("iss").asText()).isEqualTo("consumer-key");
        assertThat(claims.path("sub").asText()).isEqualTo("sync@example.com");
        assertThat(claims.path("aud").isArray() ? claims.path("aud").path(0).asText() : claims.path("aud").asText())
                .isEqualTo("https://login.salesforce.com");
        assertThat(claims.path("exp").asLong()).as("Salesforce accepts at most 3 minutes ahead")
                .isBetween(before + JwtAssertions.LIFETIME.toSeconds() - 5, before + JwtAssertions.LIFETIME.toSeconds() + 5);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(keys.getPublic());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).as("signature verifies").isTrue();
    }

    @Test
    void parsePrivateKey_pkcs1_isRefusedWithTheConversionCommand() {
        String pkcs1 = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAsecretsecretsecret\n-----END RSA PRIVATE KEY-----";
        assertThatThrownBy(() -> JwtAssertions.parsePrivateKey(pkcs1))
                .isInstanceOf(LoginFailedException.class)
                .hasMessageContaining("openssl pkcs8 -topk8")
                .hasMessageNotContaining("secretsecret");
    }

    @Test
    void parsePrivateKey_notAKey_failsWithoutEchoingWhatItWasGiven() {
        String truncated = pem.substring(0, 120) + "\n-----END PRIVATE KEY-----";
        assertThatThrownBy(() -> JwtAssertions.parsePrivateKey(truncated))
                .isInstanceOf(LoginFailedException.class)
                .hasMessageContaining("not a PEM PKCS#8 RSA private key")
                .hasNoCause()
                .hasMessageNotContaining(pem.substring(40, 100));
    }

    private static JsonNode decode(String part) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(part));
    }
}
