package io.crmsync.salesforce.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The org's daily API usage as reported in {@code Sforce-Limit-Info: api-usage=used/max}. */
public record ApiUsage(long used, long max) {

    private static final Pattern API_USAGE = Pattern.compile("api-usage=(\\d+)/(\\d+)");

    public long remaining() {
        return Math.max(0, max - used);
    }

    public static Optional<ApiUsage> parseHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = API_USAGE.matcher(header);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ApiUsage(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
