package io.crmsync.events.hubspot;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HubSpot's v3 webhook signature: base64(HMAC-SHA256(appSecret, method + uri + body + timestamp)), the timestamp
 * (epoch milliseconds) no older than five minutes. Written here because it is a dozen lines of the JDK's own HMAC;
 * HubSpot's Java SDK is not on Maven Central.
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    /**
     * @throws WebhookRejectedException when a header is missing, the timestamp is stale or the signature differs
     */
    public static void verify(String method, String uri, String body, String timestampHeader, String signatureHeader,
            String appSecret, Instant now, Duration maxAge) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw WebhookRejectedException.unauthorized("MISSING_SIGNATURE", "The request has no X-HubSpot-Signature-v3 "
                    + "header. Subscribe this URL in the HubSpot app whose client secret crm-sync holds.");
        }
        if (timestampHeader == null || !timestampHeader.matches("\\d{1,15}")) {
            throw WebhookRejectedException.unauthorized("MISSING_TIMESTAMP", "The request has no valid "
                    + "X-HubSpot-Request-Timestamp header (epoch milliseconds); v3 signatures require it.");
        }
        Instant sent = Instant.ofEpochMilli(Long.parseLong(timestampHeader));
        if (Duration.between(sent, now).abs().compareTo(maxAge) > 0) {
            throw WebhookRejectedException.unauthorized("STALE_TIMESTAMP", "X-HubSpot-Request-Timestamp is "
                    + sent + ", more than " + maxAge.toMinutes() + " minutes from now (" + now + "): HubSpot's rule "
                    + "rejects it as a possible replay. Check the clocks if this repeats.");
        }
        byte[] expected = sign(appSecret, method + uri + (body == null ? "" : body) + timestampHeader);
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signatureHeader.trim());
        } catch (IllegalArgumentException e) {
            given = new byte[0];
        }
        // constant time: an attacker learns nothing from how long a wrong signature took to refuse
        if (!MessageDigest.isEqual(expected, given)) {
            throw WebhookRejectedException.unauthorized("INVALID_SIGNATURE", "X-HubSpot-Signature-v3 does not match "
                    + "this request (POST, " + uri + ", its body and timestamp) signed with the app's client secret. "
                    + "Check that crm-sync holds the secret of the app that sends these webhooks.");
        }
    }

    /** The signature HubSpot would send (tests sign their requests with it). */
    public static String signature(String appSecret, String method, String uri, String body, String timestamp) {
        return Base64.getEncoder().encodeToString(sign(appSecret, method + uri + body + timestamp));
    }

    private static byte[] sign(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
        }
    }
}
