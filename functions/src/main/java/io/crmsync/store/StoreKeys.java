package io.crmsync.store;

/**
 * The key layout of every item kind, in one place. All keys are kind-prefixed strings so that the kinds never
 * collide in the single table and a key read from a cursor or a log says what it is.
 *
 * <pre>
 * kind              pk                                  sk                      gsi1pk / gsi1sk                          gsi2pk / gsi2sk
 * pairing           PAIR#{type}#HS#{hubspotId}          PAIR                    PAIR#{type}#SF#{sfId} / PAIR             -
 * pairing guard     PAIR#{type}#SF#{sfId}               GUARD                   -                                        -
 * import job        IMPORT#{jobId}                      JOB                     -                                        IMPORTS / {createdAt}#{jobId}
 * applied chunk     IMPORT#{jobId}                      CHUNK#{chunkId}         -                                        -   (TTL)
 * segment snapshot  SNAP#{snapshotId}                   HEAD                    -                                        -   (TTL unless current)
 * current snapshot  SEG#{type}#{segmentId}              CURRENT                 -                                        -
 * snapshot part     SNAP#{snapshotId}                   PART#{00000}            -                                        -   (TTL unless current)
 * sync error        SYNCERR#{type}#{hsId}#{sfId}#{cat}  ERR                     -                                        SYNCERR#{type} / {cat}#{hsId}#{sfId}  (open only)
 * watermark         WM#{type}#{side}                    WM                      -                                        -
 * lease             LEASE#{name}                        LEASE                   -                                        -   (TTL)
 * idempotency       IDEMP#{key}                         IDEMP                   -                                        -   (TTL)
 * settings          SETTINGS#{key}                      DOC                     -                                        -
 * </pre>
 *
 * Timestamps inside sort keys use {@link StoreTime#sortable}, a fixed-width UTC form, because {@code Instant.toString}
 * drops trailing zero fractions and would then sort "…:05Z" after "…:05.5Z".
 */
final class StoreKeys {

    /** Stands in for a missing record id in composite keys: DynamoDB rejects empty key strings. */
    static final String NONE = "-";

    private StoreKeys() {
    }

    static String pairing(String objectType, String hubspotId) {
        return "PAIR#" + objectType + "#HS#" + hubspotId;
    }

    static String pairingBySalesforce(String objectType, String salesforceId) {
        return "PAIR#" + objectType + "#SF#" + salesforceId;
    }

    static String importJob(String jobId) {
        return "IMPORT#" + jobId;
    }

    static String importChunk(String chunkId) {
        return "CHUNK#" + chunkId;
    }

    static String importSplit(int phase) {
        return "SPLIT#p" + phase;
    }

    static String snapshot(String snapshotId) {
        return "SNAP#" + snapshotId;
    }

    static String snapshotPart(int index) {
        return String.format("PART#%05d", index);
    }

    static String segment(String objectType, String segmentId) {
        return "SEG#" + objectType + "#" + segmentId;
    }

    static String syncError(String objectType, String hubspotId, String salesforceId, String category) {
        return "SYNCERR#" + objectType + "#" + orNone(hubspotId) + "#" + orNone(salesforceId) + "#" + category;
    }

    static String openSyncErrors(String objectType) {
        return "SYNCERR#" + objectType;
    }

    static String openSyncErrorSort(String category, String hubspotId, String salesforceId) {
        return category + "#" + orNone(hubspotId) + "#" + orNone(salesforceId);
    }

    static String watermark(String objectType, CrmSide side) {
        return "WM#" + objectType + "#" + side.name();
    }

    static String lease(String name) {
        return "LEASE#" + name;
    }

    static String idempotency(String key) {
        return "IDEMP#" + key;
    }

    static String settings(String key) {
        return "SETTINGS#" + key;
    }

    static String orNone(String id) {
        return id == null ? NONE : id;
    }

    /**
     * Rejects ids that would be unusable or ambiguous in a key: blank (DynamoDB refuses empty key strings) or
     * containing the '#' separator (would let "a#b" + "c" collide with "a" + "b#c").
     */
    static String requireId(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (value.indexOf('#') >= 0) {
            throw new IllegalArgumentException(what + " must not contain '#': " + value);
        }
        if (value.length() > 512) {
            throw new IllegalArgumentException(what + " is longer than 512 characters");
        }
        return value;
    }
}
