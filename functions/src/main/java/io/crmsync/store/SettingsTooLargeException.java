package io.crmsync.store;

/**
 * A settings document would be larger than crm-sync stores in one item (DynamoDB's item limit is 400 KB; settings are
 * read on every batch, so they are kept far smaller). Nothing was saved.
 */
public class SettingsTooLargeException extends RuntimeException {

    private final String key;
    private final long bytes;
    private final long limit;

    public SettingsTooLargeException(String key, long bytes, long limit) {
        super(describe(key) + " would take " + String.format("%,d", bytes) + " bytes stored; a settings document holds"
                + " at most " + String.format("%,d", limit) + " bytes. Nothing was saved: send fewer entries (for"
                + " value maps, map only the values that differ between the CRMs).");
        this.key = key;
        this.bytes = bytes;
        this.limit = limit;
    }

    /** The setting in the words of the API: "value maps of contact", "field mappings of deal". */
    static String describe(String key) {
        int dot = key.indexOf('.');
        String object = dot < 0 ? "" : key.substring(dot + 1);
        return switch (dot < 0 ? key : key.substring(0, dot)) {
            case "valuemaps" -> "The value maps of " + object;
            case "mappings" -> "The field mappings of " + object;
            default -> "The setting '" + key + "'";
        };
    }

    public String key() {
        return key;
    }

    public long bytes() {
        return bytes;
    }

    public long limit() {
        return limit;
    }
}
