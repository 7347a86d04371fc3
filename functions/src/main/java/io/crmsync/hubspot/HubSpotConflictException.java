package io.crmsync.hubspot;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 409: a record with that unique value (email, unique property) already exists. */
public class HubSpotConflictException extends HubSpotApiException {

    private static final Pattern EXISTING_ID = Pattern.compile("Existing ID:\\s*(\\d+)");

    public HubSpotConflictException(String operation, int status, String category, String message, String correlationId) {
        super(operation, status, category, message, correlationId);
    }

    /** The id of the record already holding the value, when HubSpot names it ("Existing ID: 123"). */
    public Optional<String> existingId() {
        Matcher m = EXISTING_ID.matcher(String.valueOf(getMessage()));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
