package io.crmsync.sandbox.salesforce.store;

import java.util.regex.Pattern;

/**
 * Salesforce-style record Ids: 3-character key prefix, 2-character pod, a reserved {@code 0}, a 9-character
 * base-62 counter, and the 3-character case-safe suffix Salesforce derives from the upper-case letters of the
 * first 15. The base-62 digits are in ASCII order, so Ids sort (as strings) in creation order, which keeps
 * keyset paging ({@code WHERE Id > :last ORDER BY Id}) a cheap sorted-map range.
 */
public final class SalesforceIds {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    private static final Pattern SHAPE = Pattern.compile("[a-zA-Z0-9]{15}([a-zA-Z0-5]{3})?");

    private SalesforceIds() {
    }

    public static String of(String keyPrefix, long sequence) {
        StringBuilder digits = new StringBuilder();
        long n = sequence;
        for (int i = 0; i < 9; i++) {
            digits.append(BASE62.charAt((int) (n % 62)));
            n /= 62;
        }
        String id15 = keyPrefix + "5g" + "0" + digits.reverse();
        return id15 + suffix(id15);
    }

    /** The 18-character form of a 15- or 18-character Id. */
    public static String to18(String id) {
        return id.length() == 18 ? id : id + suffix(id);
    }

    public static boolean looksLikeId(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    static String suffix(String id15) {
        StringBuilder out = new StringBuilder(3);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            out.append(SUFFIX.charAt(bits));
        }
        return out.toString();
    }
}
