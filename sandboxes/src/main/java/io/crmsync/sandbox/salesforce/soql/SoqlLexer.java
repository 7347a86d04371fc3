package io.crmsync.sandbox.salesforce.soql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.crmsync.sandbox.salesforce.soql.Token.Kind;

/** Splits SOQL into tokens. String bodies are kept raw; escapes are decoded by the parser, which knows the context. */
final class SoqlLexer {

    private static final Pattern DATETIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:?\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private SoqlLexer() {
    }

    static List<Token> tokenize(String soql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = soql.length();
        while (i < n) {
            char c = soql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                int end = closingQuote(soql, i);
                tokens.add(new Token(Kind.STRING, soql.substring(i + 1, end), i));
                i = end + 1;
            } else if (c == '(') {
                tokens.add(new Token(Kind.LPAREN, "(", i++));
            } else if (c == ')') {
                tokens.add(new Token(Kind.RPAREN, ")", i++));
            } else if (c == ',') {
                tokens.add(new Token(Kind.COMMA, ",", i++));
            } else if (c == ':') {
                tokens.add(new Token(Kind.COLON, ":", i++));
            } else if ("=!<>".indexOf(c) >= 0) {
                String op = i + 1 < n && (soql.charAt(i + 1) == '=' || (c == '<' && soql.charAt(i + 1) == '>'))
                        ? soql.substring(i, i + 2) : String.valueOf(c);
                if (op.equals("!")) {
                    throw SoqlException.at("MALFORMED_QUERY", soql, i, "unexpected token: '!'");
                }
                tokens.add(new Token(Kind.OPERATOR, op, i));
                i += op.length();
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < n && Character.isDigit(soql.charAt(i + 1)))) {
                i = literal(soql, i, tokens);
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(soql.charAt(i)) || soql.charAt(i) == '_'
                        || soql.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Kind.IDENT, soql.substring(start, i), start));
            } else {
                throw SoqlException.at("MALFORMED_QUERY", soql, i, "unexpected token: '" + c + "'");
            }
        }
        tokens.add(new Token(Kind.EOF, "", n));
        return tokens;
    }

    private static int closingQuote(String soql, int open) {
        for (int i = open + 1; i < soql.length(); i++) {
            char c = soql.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '\'') {
                return i;
            }
        }
        throw SoqlException.at("MALFORMED_QUERY", soql, open, "line 1:" + open + " mismatched character '<EOF>' "
                + "expecting '''");
    }

    private static int literal(String soql, int start, List<Token> tokens) {
        for (var kind : List.of(Kind.DATETIME, Kind.DATE, Kind.NUMBER)) {
            Pattern p = kind == Kind.DATETIME ? DATETIME : kind == Kind.DATE ? DATE : NUMBER;
            Matcher m = p.matcher(soql).region(start, soql.length());
            if (m.lookingAt()) {
                int end = m.end();
                if (end < soql.length() && (Character.isLetterOrDigit(soql.charAt(end)) || soql.charAt(end) == '_')
                        && kind != Kind.NUMBER) {
                    continue;
                }
                tokens.add(new Token(kind, m.group(), start));
                return end;
            }
        }
        throw SoqlException.at("MALFORMED_QUERY", soql, start, "unexpected token: '" + soql.charAt(start) + "'");
    }
}
