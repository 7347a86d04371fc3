package io.crmsync.sandbox.salesforce.soql;

import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Decodes the body of a SOQL string literal by Salesforce's escape rules: {@code \n \r \t \b \f \" \' \\ \\uXXXX}
 * (either case for the letters), and in LIKE only {@code \% \_}. Any other backslash is an error.
 */
final class SoqlStrings {

    private SoqlStrings() {
    }

    static String decode(String raw, Function<String, SoqlException> illegal) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            i = escape(raw, i, false, illegal, out);
        }
        return out.toString();
    }

    /** LIKE: {@code %} any run, {@code _} one character, escaped ones literal; case-insensitive like Salesforce. */
    static Pattern likeRegex(String raw, Function<String, SoqlException> illegal) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                i = escape(raw, i, true, illegal, literal);
            } else if (c == '%' || c == '_') {
                flush(regex, literal);
                regex.append(c == '%' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        flush(regex, literal);
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    /** Appends the character the escape at {@code raw[at]} stands for; returns the index of its last character. */
    private static int escape(String raw, int at, boolean like, Function<String, SoqlException> illegal,
            StringBuilder out) {
        if (at + 1 >= raw.length()) {
            throw illegal.apply("\\");
        }
        char e = raw.charAt(at + 1);
        switch (e) {
            case 'n', 'N' -> out.append('\n');
            case 'r', 'R' -> out.append('\r');
            case 't', 'T' -> out.append('\t');
            case 'b', 'B' -> out.append('\b');
            case 'f', 'F' -> out.append('\f');
            case '"', '\'', '\\' -> out.append(e);
            case 'u' -> {
                String hex = raw.substring(at + 2, Math.min(at + 6, raw.length()));
                if (!hex.matches("[0-9a-fA-F]{4}")) {
                    throw illegal.apply("\\u" + hex);
                }
                out.append((char) Integer.parseInt(hex, 16));
                return at + 5;
            }
            case '%', '_' -> {
                if (!like) {
                    throw illegal.apply("\\" + e);
                }
                out.append(e);
            }
            default -> throw illegal.apply("\\" + e);
        }
        return at + 1;
    }

    private static void flush(StringBuilder regex, StringBuilder literal) {
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }
}
