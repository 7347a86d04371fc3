package io.crmsync.events.salesforce;

import static io.crmsync.queue.InvalidMessageException.require;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Salesforce change event as crm-sync uses it: the header only. The body's field values are never applied (an
 * UPDATE carries only the changed fields, gap events none): every event is a reason to read the records it names.
 */
public record ChangeEvent(String entityName, String changeType, List<String> recordIds, String changeOrigin,
        String transactionKey, long sequenceNumber, long commitTimestamp) {

    private static final Pattern CLIENT = Pattern.compile("(?:^|;)\\s*client=([^;]+)");
    private static final Pattern SALESFORCE_ID = Pattern.compile("[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?");

    public ChangeEvent {
        recordIds = List.copyOf(recordIds);
    }

    /** Reads and checks the envelope; a message that is not a change event is refused (it ends in the DLQ). */
    public static ChangeEvent from(ChangeEventEnvelope envelope) {
        require(envelope != null, "change event message is empty");
        String where = "change event " + envelope.id();
        require(envelope.source() != null && envelope.source().startsWith(ChangeEventEnvelope.SOURCE_PREFIX),
                where + " has source '" + envelope.source() + "'; expected a Salesforce partner event source ("
                        + ChangeEventEnvelope.SOURCE_PREFIX + "<orgId>/<channel>). Check the EventBridge rule's pattern.");
        JsonNode header = envelope.detail() == null ? null : envelope.detail().path("payload").get("ChangeEventHeader");
        require(header != null && header.isObject(), where + " has no detail.payload.ChangeEventHeader; relay a "
                + "change data capture channel (/data/ChangeEvents or /data/<Object>ChangeEvent), not a platform event.");
        String entity = header.path("entityName").asText("");
        String type = header.path("changeType").asText("");
        require(!entity.isBlank(), where + " has no ChangeEventHeader.entityName");
        require(!type.isBlank(), where + " has no ChangeEventHeader.changeType");
        JsonNode ids = header.path("recordIds");
        require(ids.isArray(), where + " has no ChangeEventHeader.recordIds array");
        List<String> recordIds = new ArrayList<>();
        ids.forEach(id -> {
            require(SALESFORCE_ID.matcher(id.asText()).matches(), where + " names '" + id.asText()
                    + "' in recordIds, which is not a Salesforce id");
            recordIds.add(id.asText());
        });
        require(!recordIds.isEmpty() || type.equals("GAP_OVERFLOW"), where + " (" + type + ") names no record");
        String transactionKey = header.path("transactionKey").asText("");
        require(!transactionKey.isBlank(), where + " has no ChangeEventHeader.transactionKey");
        require(header.path("commitTimestamp").canConvertToLong(), where + " has no ChangeEventHeader.commitTimestamp");
        return new ChangeEvent(entity, type, recordIds, header.path("changeOrigin").asText(""), transactionKey,
                header.path("sequenceNumber").asLong(0), header.path("commitTimestamp").asLong());
    }

    /** The client id of the API call that made the change ({@code ...;client=<id>}), if it named one. */
    public Optional<String> originClient() {
        Matcher m = CLIENT.matcher(changeOrigin);
        return m.find() ? Optional.of(m.group(1).trim()) : Optional.empty();
    }

    /** Unique per change event: a transaction's events are numbered by sequenceNumber. */
    public String dedupeKey() {
        return transactionKey + ":" + sequenceNumber;
    }

    public boolean isDelete() {
        return changeType.equals("DELETE") || changeType.equals("GAP_DELETE");
    }

    /** Gap events carry no field values; overflow events not even the records. Both mean: read instead. */
    public boolean isGap() {
        return changeType.startsWith("GAP_");
    }
}
