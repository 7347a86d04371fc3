package io.crmsync.sandbox.salesforce.soql;

import java.util.ArrayList;
import java.util.List;

import io.crmsync.sandbox.salesforce.schema.FieldDef;
import io.crmsync.sandbox.salesforce.schema.ObjectDef;
import io.crmsync.sandbox.salesforce.schema.SandboxSchema;
import io.crmsync.sandbox.salesforce.soql.SoqlQuery.*;
import io.crmsync.sandbox.salesforce.soql.Token.Kind;

/**
 * Recursive-descent parser for the SOQL subset crm-sync sends: SELECT fields | COUNT(), FROM, WHERE with
 * = != <> < <= > >= LIKE IN NOT IN AND OR NOT and parentheses, typed literals, ORDER BY, LIMIT, OFFSET.
 * Like Salesforce, AND and OR may not be mixed at one level without parentheses.
 */
public final class SoqlParser {

    private final String soql;
    private final SandboxSchema schema;
    private final List<Token> tokens;
    private int pos;
    private final SoqlLiterals literals;
    private ObjectDef object;

    private SoqlParser(String soql, SandboxSchema schema) {
        this.soql = soql;
        this.schema = schema;
        this.tokens = SoqlLexer.tokenize(soql);
        this.literals = new SoqlLiterals(soql);
    }

    public static SoqlQuery parse(String soql, SandboxSchema schema) {
        return new SoqlParser(soql, schema).query();
    }

    private SoqlQuery query() {
        expectKeyword("SELECT");
        boolean count = false;
        List<Token> fieldTokens = new ArrayList<>();
        if (peek().isKeyword("COUNT") && tokens.get(pos + 1).kind() == Kind.LPAREN) {
            pos++;
            expect(Kind.LPAREN);
            expect(Kind.RPAREN);
            count = true;
        } else {
            do {
                fieldTokens.add(expect(Kind.IDENT));
            } while (accept(Kind.COMMA));
        }
        expectKeyword("FROM");
        Token from = expect(Kind.IDENT);
        object = schema.object(from.text()).orElseThrow(() -> SoqlException.at("INVALID_TYPE", soql, from.offset(),
                "sObject type '" + from.text() + "' is not supported. If you are attempting to use a custom object,"
                        + " be sure to append the '__c' after the entity name. Please reference your WSDL or the "
                        + "describe call for the appropriate names."));
        List<FieldDef> fields = fieldTokens.stream().map(this::resolve).toList();
        Expr where = null;
        if (acceptKeyword("WHERE")) {
            where = condition();
        }
        List<OrderItem> order = new ArrayList<>();
        if (acceptKeyword("ORDER")) {
            expectKeyword("BY");
            do {
                order.add(orderItem());
            } while (accept(Kind.COMMA));
        }
        Integer limit = acceptKeyword("LIMIT") ? nonNegativeInt() : null;
        Integer offset = acceptKeyword("OFFSET") ? nonNegativeInt() : null;
        if (peek().kind() != Kind.EOF) {
            throw unexpected(peek());
        }
        return new SoqlQuery(object, fields, count, where, List.copyOf(order), limit, offset);
    }

    private Expr condition() {
        Expr first = unary();
        String joiner = null;
        List<Expr> parts = new ArrayList<>(List.of(first));
        while (peek().isKeyword("AND") || peek().isKeyword("OR")) {
            Token op = peek();
            if (joiner != null && !joiner.equalsIgnoreCase(op.text())) {
                throw unexpected(op);
            }
            joiner = op.text();
            pos++;
            parts.add(unary());
        }
        if (joiner == null) {
            return first;
        }
        return joiner.equalsIgnoreCase("AND") ? new And(List.copyOf(parts)) : new Or(List.copyOf(parts));
    }

    private Expr unary() {
        if (acceptKeyword("NOT")) {
            return new Not(unary());
        }
        if (accept(Kind.LPAREN)) {
            Expr inner = condition();
            expect(Kind.RPAREN);
            return inner;
        }
        FieldDef field = resolve(expect(Kind.IDENT));
        Token op = peek();
        if (op.kind() == Kind.OPERATOR) {
            pos++;
            String normalized = op.text().equals("<>") ? "!=" : op.text();
            Token valueToken = next();
            Object value = literals.literal(field, valueToken, this::unexpected);
            if (value == null && !normalized.equals("=") && !normalized.equals("!=")) {
                throw SoqlException.at("MALFORMED_QUERY", soql, valueToken.offset(),
                        "invalid operator on null: " + normalized);
            }
            return new Compare(field, normalized, value);
        }
        if (acceptKeyword("LIKE")) {
            Token pattern = next();
            if (pattern.kind() != Kind.STRING) {
                throw SoqlException.at("INVALID_FIELD", soql, pattern.offset(),
                        "value of filter criterion for field '" + field.name() + "' must be of type string and "
                                + "should be enclosed in quotes");
            }
            literals.requireText(field, pattern);
            return new Like(field, literals.likePattern(pattern));
        }
        boolean negated = acceptKeyword("NOT");
        if (acceptKeyword("IN")) {
            expect(Kind.LPAREN);
            List<Object> values = new ArrayList<>();
            do {
                values.add(literals.literal(field, next(), this::unexpected));
            } while (accept(Kind.COMMA));
            expect(Kind.RPAREN);
            return new In(field, values, negated);
        }
        throw unexpected(peek());
    }

    private OrderItem orderItem() {
        FieldDef field = resolve(expect(Kind.IDENT));
        boolean descending = false;
        if (acceptKeyword("DESC")) {
            descending = true;
        } else {
            acceptKeyword("ASC");
        }
        boolean nullsLast = descending;
        if (acceptKeyword("NULLS")) {
            if (acceptKeyword("LAST")) {
                nullsLast = true;
            } else {
                expectKeyword("FIRST");
                nullsLast = false;
            }
        }
        return new OrderItem(field, descending, nullsLast);
    }

    private FieldDef resolve(Token token) {
        return object.field(token.text()).orElseThrow(() -> SoqlException.at("INVALID_FIELD", soql, token.offset(),
                "No such column '" + token.text() + "' on entity '" + object.name() + "'. If you are attempting to "
                        + "use a custom field, be sure to append the '__c' after the custom field name. Please "
                        + "reference your WSDL or the describe call for the appropriate names."));
    }

    private int nonNegativeInt() {
        Token t = next();
        if (t.kind() != Kind.NUMBER || !t.text().matches("\\d+")) {
            throw unexpected(t);
        }
        try {
            return Integer.parseInt(t.text());
        } catch (NumberFormatException e) {
            throw unexpected(t);
        }
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.EOF) {
            pos++;
        }
        return t;
    }

    private boolean accept(Kind kind) {
        if (peek().kind() == kind) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    private Token expect(Kind kind) {
        Token t = peek();
        if (t.kind() != kind) {
            throw unexpected(t);
        }
        pos++;
        return t;
    }

    private void expectKeyword(String keyword) {
        if (!acceptKeyword(keyword)) {
            throw unexpected(peek());
        }
    }

    private SoqlException unexpected(Token t) {
        return SoqlException.at("MALFORMED_QUERY", soql, t.offset(), "unexpected token: " + t.describe());
    }
}
