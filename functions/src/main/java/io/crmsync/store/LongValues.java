package io.crmsync.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps a pairing item far below DynamoDB's 400 KB whatever its text fields hold. A last synced value is only ever
 * compared with a value read now, so one longer than {@link #STORED_LIMIT} bytes is stored as its SHA-256 digest
 * (which compares just as well); a history entry is for people, so its long values are stored cut, with their
 * length. Without this a long description (Salesforce allows 32,000 characters, HubSpot 65,536) edited a few times
 * outgrows the item, and the batch fails after its CRM writes were made.
 */
public final class LongValues {

    /** Values up to this many UTF-8 bytes are stored as they are. */
    public static final int STORED_LIMIT = 1_024;
    private static final String DIGEST = "sha256:";
    private static final int HISTORY_KEEP = 200;

    private LongValues() {
    }

    /** The value as a pairing stores it: itself, or its digest when longer than {@link #STORED_LIMIT} bytes. */
    public static String compact(String value) {
        if (value == null || value.length() * 3 <= STORED_LIMIT
                || value.getBytes(StandardCharsets.UTF_8).length <= STORED_LIMIT) {
            return value;
        }
        return DIGEST + digest(value) + ":" + value.length();
    }

    /**
     * Whether a value read now is {@code stored}, which may be its digest. A short value is never a digest's
     * match, and comparing compacted forms is exact for both kinds.
     */
    public static boolean matches(String now, String stored) {
        return now != null && stored != null && compact(now).equals(stored);
    }

    static Map<String, String> compactAll(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, compact(v)));
        return out;
    }

    /** A history value as stored: cut to its start, with its length, when long. */
    static String forHistory(String value) {
        if (value == null || value.getBytes(StandardCharsets.UTF_8).length <= STORED_LIMIT) {
            return value;
        }
        return value.substring(0, HISTORY_KEEP) + "… (" + value.length() + " characters)";
    }

    private static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no SHA-256", e);
        }
    }
}
