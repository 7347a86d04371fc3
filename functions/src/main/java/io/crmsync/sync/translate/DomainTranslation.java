package io.crmsync.sync.translate;

import java.util.Locale;

/**
 * A Salesforce Website ({@code https://www.acme.com/about}) is a HubSpot company domain ({@code acme.com}); without
 * this the default mapping would write whole URLs into the domain, and companies could never be matched by domain.
 * HubSpot's domain goes to Salesforce as {@code https://<domain>}.
 */
public final class DomainTranslation implements ValueTranslation {

    public static final DomainTranslation INSTANCE = new DomainTranslation();

    private DomainTranslation() {
    }

    @Override
    public Translated toHubSpot(String website) {
        return Translated.of(domainOf(website));
    }

    @Override
    public Translated toSalesforce(String domain) {
        return Translated.of(domain.contains("://") ? domain : "https://" + domain);
    }

    /** The host of a URL or bare host, lower case, without {@code www.}; null when there is none. */
    public static String domainOf(String website) {
        if (website == null || website.isBlank()) {
            return null;
        }
        String host = website.trim().toLowerCase(Locale.ROOT);
        int scheme = host.indexOf("://");
        if (scheme >= 0) {
            host = host.substring(scheme + 3);
        }
        for (char end : new char[] { '/', '?', '#', ':' }) {
            int at = host.indexOf(end);
            if (at >= 0) {
                host = host.substring(0, at);
            }
        }
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        return host.isBlank() ? null : host;
    }
}
