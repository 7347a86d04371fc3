package io.crmsync.salesforce.soql;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Strings built to break out of a SOQL literal: quotes, backslashes, escape look-alikes, LIKE wildcards,
 * injection fragments, control characters, non-Latin scripts and emoji (kept as whole code points).
 */
public final class HostileStrings {

    private static final List<String> ATOMS = List.of(
            "'", "\\", "\\'", "''", "\"", "%", "_", "\\%", "\\_", "\\n", "\\u0027", "' OR Id != '", "' OR Name LIKE '%",
            ") OR (Name != null", "') OR ('1'='1", "--", "/*", ";", " ", "\n", "\r", "\t", "\b", "\f", "\u0000",
            "\u0001", "\u007f", "a", "Z", "0", "é", "ß", "İ", "Ω", "ж", "中文", "😀", "👩‍💻", "\u200b", "+", "&",
            "=", "#", "?", "/", "%25", "%27", "NULL", "null", "TRUE", "( ", ")");

    private HostileStrings() {
    }

    /** 1 to 12 atoms, at most 78 characters (room for a decoy suffix in an 80-character Name). */
    public static Arbitrary<String> any() {
        return Arbitraries.of(ATOMS).list().ofMinSize(1).ofMaxSize(12)
                .map(parts -> String.join("", parts))
                .filter(s -> s.length() <= 78 && !s.isEmpty());
    }

    public static boolean containsIgnoreCase(String haystack, String needle) {
        for (int i = 0; i + needle.length() <= haystack.length(); i++) {
            if (haystack.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }
}
