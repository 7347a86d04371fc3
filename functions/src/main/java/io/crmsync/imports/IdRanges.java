package io.crmsync.imports;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a span of Salesforce record Ids into ranges of about equal width, as Salesforce's own PK chunking does: an
 * Id is a 3-character key prefix and 12 base-62 characters ({@code 0-9 A-Z a-z}, which sort as they count), so the
 * Ids between two Ids of one object can be cut by arithmetic, without reading them. Ranges may hold unequal numbers of
 * records (Ids are not dense); each range is still read with keyset pages, so unequal ranges are slower, never wrong.
 */
final class IdRanges {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final BigInteger SIXTY_TWO = BigInteger.valueOf(62);
    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9]{15}([a-zA-Z0-5]{3})?");
    private static final String SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private IdRanges() {
    }

    /**
     * The {@code ranges - 1} Ids (18-character) that cut ({@code after}, {@code last}] into {@code ranges} parts, in
     * order, each strictly between the two; empty when the span cannot be cut (other key prefixes, or too narrow).
     */
    static List<String> boundaries(String after, String last, int ranges) {
        if (ranges < 2 || after == null || last == null || !ID.matcher(after).matches()
                || !ID.matcher(last).matches() || !after.substring(0, 3).equals(last.substring(0, 3))) {
            return List.of();
        }
        BigInteger lo = decode(after.substring(3, 15));
        BigInteger hi = decode(last.substring(3, 15));
        BigInteger width = hi.subtract(lo);
        if (width.compareTo(BigInteger.valueOf(ranges)) < 0) {
            return List.of();
        }
        List<String> cuts = new ArrayList<>();
        for (int i = 1; i < ranges; i++) {
            BigInteger cut = lo.add(width.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(ranges)));
            cuts.add(to18(after.substring(0, 3) + encode(cut)));
        }
        return cuts;
    }

    private static BigInteger decode(String digits) {
        BigInteger n = BigInteger.ZERO;
        for (char c : digits.toCharArray()) {
            n = n.multiply(SIXTY_TWO).add(BigInteger.valueOf(BASE62.indexOf(c)));
        }
        return n;
    }

    private static String encode(BigInteger n) {
        StringBuilder out = new StringBuilder();
        BigInteger rest = n;
        for (int i = 0; i < 12; i++) {
            BigInteger[] qr = rest.divideAndRemainder(SIXTY_TWO);
            out.append(BASE62.charAt(qr[1].intValue()));
            rest = qr[0];
        }
        return out.reverse().toString();
    }

    /** The 18-character form: Salesforce's case-safe suffix, from the upper-case letters of the first 15. */
    static String to18(String id15) {
        StringBuilder out = new StringBuilder(id15);
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
