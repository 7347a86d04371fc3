package io.crmsync.salesforce.soql;

/**
 * Renders text as a SOQL string literal by Salesforce's rules: backslash escapes for {@code ' " \} and the
 * control characters, {@code \\uXXXX} for any other control character; in LIKE patterns also {@code \%} and
 * {@code \_}. This is the only way a value reaches a query, so a value can never end its literal early.
 */
public final class SoqlEscaper {

    private SoqlEscaper() {
    }

    public static String quote(String value) {
        return "'" + escape(value, false) + "'";
    }

    /** The body of a LIKE pattern that matches {@code value} literally (wildcards escaped). */
    public static String likeLiteral(String value) {
        return escape(value, true);
    }

    private static String escape(String value, boolean like) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '%', '_' -> out.append(like ? "\\" + c : String.valueOf(c));
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
