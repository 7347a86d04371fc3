package io.crmsync.sandbox.salesforce.soql;

/** One SOQL token. {@code text} is the source text, except for strings, where it is the raw body between quotes. */
record Token(Kind kind, String text, int offset) {

    enum Kind {
        IDENT, STRING, NUMBER, DATE, DATETIME, OPERATOR, LPAREN, RPAREN, COMMA, COLON, EOF
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.IDENT && text.equalsIgnoreCase(keyword);
    }

    String describe() {
        return kind == Kind.EOF ? "<EOF>" : kind == Kind.STRING ? "'" + text + "'" : text;
    }
}
