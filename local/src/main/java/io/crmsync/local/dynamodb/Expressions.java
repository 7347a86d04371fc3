package io.crmsync.local.dynamodb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * DynamoDB's expression language: condition (and filter and key condition) expressions, update expressions and
 * projection expressions, parsed by recursive descent into small evaluable trees. Names and values come from the
 * request's ExpressionAttributeNames and ExpressionAttributeValues; each one a request passes must be used, and each
 * one an expression uses must be passed, as DynamoDB requires.
 */
final class Expressions {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Expressions() {
    }

    /** A document path: attribute names (String) and list indexes (Integer). */
    record Path(List<Object> elements) {

        String topName() {
            return (String) elements.get(0);
        }

        /** The value at this path in {@code item}, or null. */
        JsonNode get(ObjectNode item) {
            JsonNode current = item.get(topName());
            for (int i = 1; i < elements.size() && current != null; i++) {
                Object e = elements.get(i);
                if (e instanceof Integer index) {
                    JsonNode list = current.get("L");
                    current = list == null || index >= list.size() ? null : list.get(index);
                } else {
                    JsonNode map = current.get("M");
                    current = map == null ? null : map.get((String) e);
                }
            }
            return current;
        }

        /** Sets the value at this path; the parent must exist (DynamoDB does not create intermediate maps). */
        void set(ObjectNode item, JsonNode value) {
            if (elements.size() == 1) {
                item.set(topName(), value);
                return;
            }
            JsonNode parent = parent().get(item);
            Object last = elements.get(elements.size() - 1);
            if (last instanceof Integer index) {
                JsonNode list = parent == null ? null : parent.get("L");
                if (list == null) {
                    throw DynamoException.validation("The document path provided in the update expression is invalid"
                            + " for update");
                }
                ArrayNode array = (ArrayNode) list;
                if (index >= array.size()) {
                    array.add(value);
                } else {
                    array.set(index, value);
                }
            } else {
                JsonNode map = parent == null ? null : parent.get("M");
                if (map == null) {
                    throw DynamoException.validation("The document path provided in the update expression is invalid"
                            + " for update");
                }
                ((ObjectNode) map).set((String) last, value);
            }
        }

        void remove(ObjectNode item) {
            if (elements.size() == 1) {
                item.remove(topName());
                return;
            }
            JsonNode parent = parent().get(item);
            Object last = elements.get(elements.size() - 1);
            if (last instanceof Integer index) {
                JsonNode list = parent == null ? null : parent.get("L");
                if (list != null && index < list.size()) {
                    ((ArrayNode) list).remove(index);
                }
            } else {
                JsonNode map = parent == null ? null : parent.get("M");
                if (map != null) {
                    ((ObjectNode) map).remove((String) last);
                }
            }
        }

        private Path parent() {
            return new Path(elements.subList(0, elements.size() - 1));
        }
    }

    /** A value in an expression: a path, a placeholder value, or a function of them. Null when it does not exist. */
    interface Operand {
        JsonNode eval(ObjectNode item);
    }

    /** An operand that is a document path (a key condition looks for {@code partitionKey = :value}). */
    record PathOperand(Path path) implements Operand {
        @Override
        public JsonNode eval(ObjectNode item) {
            return path.get(item);
        }
    }

    interface Condition {
        boolean test(ObjectNode item);
    }

    /** One SET, REMOVE, ADD or DELETE action. */
    record Action(String clause, Path path, Operand value) {
    }

    /** Tracks which names and values a request's expressions used, to refuse unused or missing ones. */
    static final class Placeholders {
        private final JsonNode names;
        private final JsonNode values;
        private final Set<String> usedNames = new HashSet<>();
        private final Set<String> usedValues = new HashSet<>();

        Placeholders(JsonNode names, JsonNode values) {
            this.names = names == null || names.isNull() ? JSON.objectNode() : names;
            this.values = values == null || values.isNull() ? JSON.objectNode() : values;
            if (this.names.isObject() && this.names.isEmpty() && names != null && !names.isNull()) {
                throw DynamoException.validation("ExpressionAttributeNames must not be empty");
            }
            if (this.values.isObject() && this.values.isEmpty() && values != null && !values.isNull()) {
                throw DynamoException.validation("ExpressionAttributeValues must not be empty");
            }
        }

        String name(String placeholder) {
            JsonNode n = names.get(placeholder);
            if (n == null || !n.isTextual()) {
                throw DynamoException.validation("Invalid expression: An expression attribute name used in the"
                        + " document path is not defined; attribute name: " + placeholder);
            }
            usedNames.add(placeholder);
            return n.asText();
        }

        JsonNode value(String placeholder) {
            JsonNode v = values.get(placeholder);
            if (v == null) {
                throw DynamoException.validation("Invalid expression: An expression attribute value used in"
                        + " expression is not defined; attribute value: " + placeholder);
            }
            usedValues.add(placeholder);
            return Values.normalize(v);
        }

        /** After every expression of the request is parsed. */
        void requireAllUsed() {
            List<String> unusedNames = new ArrayList<>();
            names.fieldNames().forEachRemaining(n -> {
                if (!usedNames.contains(n)) {
                    unusedNames.add(n);
                }
            });
            if (!unusedNames.isEmpty()) {
                throw DynamoException.validation("Value provided in ExpressionAttributeNames unused in expressions:"
                        + " keys: {" + String.join(", ", unusedNames) + "}");
            }
            List<String> unusedValues = new ArrayList<>();
            values.fieldNames().forEachRemaining(v -> {
                if (!usedValues.contains(v)) {
                    unusedValues.add(v);
                }
            });
            if (!unusedValues.isEmpty()) {
                throw DynamoException.validation("Value provided in ExpressionAttributeValues unused in expressions:"
                        + " keys: {" + String.join(", ", unusedValues) + "}");
            }
        }
    }

    static Condition condition(String text, Placeholders placeholders) {
        Parser p = new Parser(text, placeholders, "condition");
        Condition c = p.orCondition();
        p.expectEnd();
        return c;
    }

    /** A Query's key condition: the partition key's value (required) and the whole condition, sort key part included. */
    record KeyCondition(JsonNode partitionValue, Condition condition) {
    }

    static KeyCondition keyCondition(String text, Placeholders placeholders, String partitionKey) {
        Parser p = new Parser(text, placeholders, "KeyConditionExpression");
        Condition c = p.orCondition();
        p.expectEnd();
        if (p.usedOr) {
            throw DynamoException.validation("Invalid operator used in KeyConditionExpression: OR");
        }
        JsonNode value = p.equalities.get(partitionKey);
        if (value == null) {
            throw DynamoException.validation("Query condition missed key schema element: " + partitionKey);
        }
        return new KeyCondition(value, c);
    }

    static List<Action> update(String text, Placeholders placeholders) {
        Parser p = new Parser(text, placeholders, "update");
        List<Action> actions = p.updateClauses();
        p.expectEnd();
        return actions;
    }

    static List<Path> projection(String text, Placeholders placeholders) {
        Parser p = new Parser(text, placeholders, "projection");
        List<Path> paths = new ArrayList<>();
        paths.add(p.path());
        while (p.accept(",")) {
            paths.add(p.path());
        }
        p.expectEnd();
        return paths;
    }

    /** The item reduced to the projected paths. */
    static ObjectNode project(ObjectNode item, List<Path> paths) {
        ObjectNode out = JSON.objectNode();
        for (Path path : paths) {
            JsonNode value = path.get(item);
            if (value == null) {
                continue;
            }
            if (path.elements().size() == 1) {
                out.set(path.topName(), value);
            } else {
                // nested: keep the enclosing maps (lists are kept whole up to the projected element)
                JsonNode top = item.get(path.topName());
                out.set(path.topName(), top);
            }
        }
        return out;
    }

    /**
     * Applies the update to {@code item} (a copy the caller owns). Every operand is evaluated against the item as it
     * was before the update, as DynamoDB does.
     */
    static void apply(List<Action> actions, ObjectNode item) {
        ObjectNode before = item.deepCopy();
        List<JsonNode> computed = new ArrayList<>();
        for (Action a : actions) {
            computed.add(a.value() == null ? null : a.value().eval(before));
        }
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            JsonNode value = computed.get(i);
            switch (a.clause()) {
                case "SET" -> {
                    if (value == null) {
                        throw DynamoException.validation("The provided expression refers to an attribute that does"
                                + " not exist in the item");
                    }
                    a.path().set(item, value);
                }
                case "REMOVE" -> a.path().remove(item);
                case "ADD" -> add(a.path(), value, item);
                case "DELETE" -> delete(a.path(), value, item);
                default -> throw new IllegalStateException(a.clause());
            }
        }
    }

    private static void add(Path path, JsonNode value, ObjectNode item) {
        JsonNode current = path.get(item);
        String type = Values.type(value);
        if (type.equals("N")) {
            BigDecimal base = BigDecimal.ZERO;
            if (current != null) {
                if (!Values.type(current).equals("N")) {
                    throw wrongType("ADD");
                }
                base = Values.parseNumber(current.get("N").asText());
            }
            path.set(item, Values.number(base.add(Values.parseNumber(value.get("N").asText()))));
        } else if (type.equals("SS") || type.equals("NS") || type.equals("BS")) {
            if (current == null) {
                path.set(item, value);
                return;
            }
            if (!Values.type(current).equals(type)) {
                throw wrongType("ADD");
            }
            ObjectNode union = JSON.objectNode();
            ArrayNode members = union.putArray(type);
            current.get(type).forEach(members::add);
            for (JsonNode m : value.get(type)) {
                boolean present = false;
                for (JsonNode c : members) {
                    if (Values.equal(single(type, c), single(type, m))) {
                        present = true;
                        break;
                    }
                }
                if (!present) {
                    members.add(m);
                }
            }
            path.set(item, union);
        } else {
            throw wrongType("ADD");
        }
    }

    private static void delete(Path path, JsonNode value, ObjectNode item) {
        String type = Values.type(value);
        if (!(type.equals("SS") || type.equals("NS") || type.equals("BS"))) {
            throw wrongType("DELETE");
        }
        JsonNode current = path.get(item);
        if (current == null) {
            return;
        }
        if (!Values.type(current).equals(type)) {
            throw wrongType("DELETE");
        }
        ObjectNode rest = JSON.objectNode();
        ArrayNode members = rest.putArray(type);
        for (JsonNode c : current.get(type)) {
            boolean removed = false;
            for (JsonNode m : value.get(type)) {
                if (Values.equal(single(type, c), single(type, m))) {
                    removed = true;
                    break;
                }
            }
            if (!removed) {
                members.add(c);
            }
        }
        if (members.isEmpty()) {
            path.remove(item);
        } else {
            path.set(item, rest);
        }
    }

    /** A set member as a scalar value of the set's element type. */
    private static JsonNode single(String setType, JsonNode member) {
        ObjectNode out = JSON.objectNode();
        out.set(setType.substring(0, 1), member);
        return out;
    }

    private static DynamoException wrongType(String clause) {
        return DynamoException.validation("An operand in the update expression has an incorrect data type ("
                + clause + ")");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private record Token(String kind, String text) {
    }

    /** Recursive descent over the tokens of one expression. */
    private static final class Parser {
        private final String text;
        private final Placeholders placeholders;
        private final String kind;
        private final List<Token> tokens;
        private int at;
        /** path = :value comparisons seen, by attribute name (a Query's key condition reads the partition key's). */
        final java.util.Map<String, JsonNode> equalities = new java.util.HashMap<>();
        boolean usedOr;

        Parser(String text, Placeholders placeholders, String kind) {
            if (text == null || text.isBlank()) {
                throw DynamoException.validation("Invalid " + kind + " expression: The expression can not be empty;");
            }
            this.text = text;
            this.placeholders = placeholders;
            this.kind = kind;
            this.tokens = tokenize(text);
        }

        private List<Token> tokenize(String s) {
            List<Token> out = new ArrayList<>();
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '#' || c == ':') {
                    int j = i + 1;
                    while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                        j++;
                    }
                    if (j == i + 1) {
                        throw syntax("a name after " + c);
                    }
                    out.add(new Token(c == '#' ? "#" : ":", s.substring(i, j)));
                    i = j;
                } else if (Character.isLetter(c) || c == '_') {
                    int j = i;
                    while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                        j++;
                    }
                    out.add(new Token("word", s.substring(i, j)));
                    i = j;
                } else if (Character.isDigit(c)) {
                    int j = i;
                    while (j < s.length() && Character.isDigit(s.charAt(j))) {
                        j++;
                    }
                    out.add(new Token("number", s.substring(i, j)));
                    i = j;
                } else if (s.startsWith("<>", i) || s.startsWith("<=", i) || s.startsWith(">=", i)) {
                    out.add(new Token("op", s.substring(i, i + 2)));
                    i += 2;
                } else if ("=<>(),.[]+-".indexOf(c) >= 0) {
                    out.add(new Token("op", String.valueOf(c)));
                    i++;
                } else {
                    throw syntax("no character '" + c + "'");
                }
            }
            return out;
        }

        private DynamoException syntax(String what) {
            return DynamoException.validation("Invalid " + kind + " expression: Syntax error; expected " + what
                    + " in: " + text);
        }

        private Token peek() {
            return at < tokens.size() ? tokens.get(at) : null;
        }

        private boolean peekWord(String word) {
            Token t = peek();
            return t != null && t.kind().equals("word") && t.text().equalsIgnoreCase(word);
        }

        boolean accept(String op) {
            Token t = peek();
            if (t != null && t.kind().equals("op") && t.text().equals(op)) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(String op) {
            if (!accept(op)) {
                throw syntax("'" + op + "'");
            }
        }

        private boolean acceptWord(String word) {
            if (peekWord(word)) {
                at++;
                return true;
            }
            return false;
        }

        void expectEnd() {
            if (at != tokens.size()) {
                throw syntax("the end, found '" + tokens.get(at).text() + "'");
            }
        }

        // condition := and (OR and)*
        Condition orCondition() {
            Condition left = andCondition();
            while (acceptWord("OR")) {
                usedOr = true;
                Condition l = left;
                Condition r = andCondition();
                left = item -> l.test(item) || r.test(item);
            }
            return left;
        }

        private Condition andCondition() {
            Condition left = notCondition();
            while (acceptWord("AND")) {
                Condition l = left;
                Condition r = notCondition();
                left = item -> l.test(item) && r.test(item);
            }
            return left;
        }

        private Condition notCondition() {
            if (acceptWord("NOT")) {
                Condition inner = notCondition();
                return item -> !inner.test(item);
            }
            return primaryCondition();
        }

        private Condition primaryCondition() {
            if (accept("(")) {
                Condition inner = orCondition();
                expect(")");
                return inner;
            }
            Token t = peek();
            if (t != null && t.kind().equals("word") && at + 1 < tokens.size()
                    && tokens.get(at + 1).text().equals("(") && !t.text().equalsIgnoreCase("size")) {
                return function();
            }
            Operand left = operand();
            if (acceptWord("BETWEEN")) {
                Operand low = operand();
                if (!acceptWord("AND")) {
                    throw syntax("AND in BETWEEN");
                }
                Operand high = operand();
                return item -> {
                    JsonNode v = left.eval(item);
                    Integer lo = Values.compare(v, low.eval(item));
                    Integer hi = Values.compare(v, high.eval(item));
                    return lo != null && hi != null && lo >= 0 && hi <= 0;
                };
            }
            if (acceptWord("IN")) {
                expect("(");
                List<Operand> options = new ArrayList<>();
                options.add(operand());
                while (accept(",")) {
                    options.add(operand());
                }
                expect(")");
                return item -> {
                    JsonNode v = left.eval(item);
                    return v != null && options.stream().anyMatch(o -> Values.equal(v, o.eval(item)));
                };
            }
            Token op = peek();
            if (op == null || !op.kind().equals("op") || !List.of("=", "<>", "<", "<=", ">", ">=").contains(op.text())) {
                throw syntax("a comparator");
            }
            at++;
            int rightAt = at;
            Operand right = operand();
            String comparator = op.text();
            if (comparator.equals("=") && left instanceof PathOperand path && path.path().elements().size() == 1
                    && tokens.get(rightAt).kind().equals(":")) {
                equalities.put(path.path().topName(), right.eval(null));
            }
            return item -> compare(comparator, left.eval(item), right.eval(item));
        }

        private static boolean compare(String comparator, JsonNode a, JsonNode b) {
            switch (comparator) {
                case "=":
                    return a != null && b != null && Values.equal(a, b);
                case "<>":
                    return a == null || b == null || !Values.equal(a, b);
                default:
                    Integer c = Values.compare(a, b);
                    if (c == null) {
                        return false;
                    }
                    return switch (comparator) {
                        case "<" -> c < 0;
                        case "<=" -> c <= 0;
                        case ">" -> c > 0;
                        default -> c >= 0;
                    };
            }
        }

        private Condition function() {
            String name = peek().text();
            at++;
            expect("(");
            Condition c;
            switch (name) {
                case "attribute_exists" -> {
                    Path p = path();
                    c = item -> p.get(item) != null;
                }
                case "attribute_not_exists" -> {
                    Path p = path();
                    c = item -> p.get(item) == null;
                }
                case "attribute_type" -> {
                    Path p = path();
                    expect(",");
                    Operand type = operand();
                    c = item -> {
                        JsonNode v = p.get(item);
                        JsonNode t = type.eval(item);
                        return v != null && t != null && t.has("S") && Values.type(v).equals(t.get("S").asText());
                    };
                }
                case "begins_with" -> {
                    Operand p = operand();
                    expect(",");
                    Operand prefix = operand();
                    c = item -> beginsWith(p.eval(item), prefix.eval(item));
                }
                case "contains" -> {
                    Operand p = operand();
                    expect(",");
                    Operand member = operand();
                    c = item -> contains(p.eval(item), member.eval(item));
                }
                default -> throw DynamoException.validation("Invalid " + kind + " expression: Invalid function name;"
                        + " function: " + name);
            }
            expect(")");
            return c;
        }

        private static boolean beginsWith(JsonNode value, JsonNode prefix) {
            if (value == null || prefix == null) {
                return false;
            }
            String type = Values.type(value);
            if (!type.equals(Values.type(prefix))) {
                return false;
            }
            if (type.equals("S")) {
                return value.get("S").asText().startsWith(prefix.get("S").asText());
            }
            if (type.equals("B")) {
                byte[] v = Values.decode(value.get("B").asText());
                byte[] p = Values.decode(prefix.get("B").asText());
                return v.length >= p.length && java.util.Arrays.equals(v, 0, p.length, p, 0, p.length);
            }
            return false;
        }

        private static boolean contains(JsonNode value, JsonNode member) {
            if (value == null || member == null) {
                return false;
            }
            String type = Values.type(value);
            switch (type) {
                case "S":
                    return Values.type(member).equals("S") && value.get("S").asText().contains(member.get("S").asText());
                case "SS":
                case "NS":
                case "BS":
                    for (JsonNode m : value.get(type)) {
                        if (Values.equal(single(type, m), member)) {
                            return true;
                        }
                    }
                    return false;
                case "L":
                    for (JsonNode e : value.get("L")) {
                        if (Values.equal(e, member)) {
                            return true;
                        }
                    }
                    return false;
                default:
                    return false;
            }
        }

        /** A path, a :value, or size(path). */
        Operand operand() {
            Token t = peek();
            if (t == null) {
                throw syntax("an operand");
            }
            if (t.kind().equals(":")) {
                at++;
                JsonNode v = placeholders.value(t.text());
                return item -> v;
            }
            if (t.kind().equals("word") && t.text().equals("size") && at + 1 < tokens.size()
                    && tokens.get(at + 1).text().equals("(")) {
                at += 2;
                Path p = path();
                expect(")");
                return item -> size(p.get(item));
            }
            return new PathOperand(path());
        }

        private static JsonNode size(JsonNode v) {
            if (v == null) {
                return null;
            }
            String type = Values.type(v);
            JsonNode inner = v.get(type);
            long n = switch (type) {
                case "S" -> inner.asText().length();
                case "B" -> Values.decode(inner.asText()).length;
                case "SS", "NS", "BS", "L", "M" -> inner.size();
                default -> -1;
            };
            return n < 0 ? null : Values.number(BigDecimal.valueOf(n));
        }

        Path path() {
            List<Object> elements = new ArrayList<>();
            elements.add(pathName());
            while (true) {
                if (accept(".")) {
                    elements.add(pathName());
                } else if (accept("[")) {
                    Token n = peek();
                    if (n == null || !n.kind().equals("number")) {
                        throw syntax("a list index");
                    }
                    at++;
                    elements.add(Integer.parseInt(n.text()));
                    expect("]");
                } else {
                    return new Path(elements);
                }
            }
        }

        private String pathName() {
            Token t = peek();
            if (t == null) {
                throw syntax("an attribute name");
            }
            if (t.kind().equals("#")) {
                at++;
                return placeholders.name(t.text());
            }
            if (t.kind().equals("word")) {
                at++;
                return t.text();
            }
            throw syntax("an attribute name, found '" + t.text() + "'");
        }

        // update := (SET a, ... | REMOVE p, ... | ADD p v, ... | DELETE p v, ...)+, each clause once
        List<Action> updateClauses() {
            List<Action> actions = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            while (peek() != null) {
                Token t = peek();
                String clause = t.text().toUpperCase(Locale.ROOT);
                if (!t.kind().equals("word") || !List.of("SET", "REMOVE", "ADD", "DELETE").contains(clause)) {
                    throw syntax("SET, REMOVE, ADD or DELETE");
                }
                if (!seen.add(clause)) {
                    throw DynamoException.validation("Invalid UpdateExpression: The \"" + clause
                            + "\" section can only be used once in an update expression;");
                }
                at++;
                do {
                    actions.add(action(clause));
                } while (accept(","));
            }
            Set<String> paths = new HashSet<>();
            for (Action a : actions) {
                if (!paths.add(a.path().elements().toString())) {
                    throw DynamoException.validation("Invalid UpdateExpression: Two document paths overlap with each"
                            + " other; must remove or rewrite one of these paths; path one: " + a.path().elements()
                            + ", path two: " + a.path().elements());
                }
            }
            return actions;
        }

        private Action action(String clause) {
            Path p = path();
            return switch (clause) {
                case "SET" -> {
                    expect("=");
                    yield new Action(clause, p, setValue());
                }
                case "REMOVE" -> new Action(clause, p, null);
                default -> {
                    Token v = peek();
                    if (v == null || !v.kind().equals(":")) {
                        throw syntax("a :value after " + clause + " " + p.elements());
                    }
                    yield new Action(clause, p, operand());
                }
            };
        }

        private Operand setValue() {
            Operand left = setOperand();
            if (accept("+")) {
                Operand right = setOperand();
                return item -> arithmetic(left.eval(item), right.eval(item), true);
            }
            if (accept("-")) {
                Operand right = setOperand();
                return item -> arithmetic(left.eval(item), right.eval(item), false);
            }
            return left;
        }

        private static JsonNode arithmetic(JsonNode a, JsonNode b, boolean plus) {
            if (a == null || b == null) {
                throw DynamoException.validation("The provided expression refers to an attribute that does not exist"
                        + " in the item");
            }
            if (!Values.type(a).equals("N") || !Values.type(b).equals("N")) {
                throw DynamoException.validation("An operand in the update expression has an incorrect data type");
            }
            BigDecimal x = Values.parseNumber(a.get("N").asText());
            BigDecimal y = Values.parseNumber(b.get("N").asText());
            return Values.number(plus ? x.add(y) : x.subtract(y));
        }

        private Operand setOperand() {
            if (peekWord("if_not_exists") && at + 1 < tokens.size() && tokens.get(at + 1).text().equals("(")) {
                at += 2;
                Path p = path();
                expect(",");
                Operand fallback = setOperand();
                expect(")");
                return item -> {
                    JsonNode v = p.get(item);
                    return v != null ? v : fallback.eval(item);
                };
            }
            if (peekWord("list_append") && at + 1 < tokens.size() && tokens.get(at + 1).text().equals("(")) {
                at += 2;
                Operand a = setOperand();
                expect(",");
                Operand b = setOperand();
                expect(")");
                return item -> {
                    JsonNode x = a.eval(item);
                    JsonNode y = b.eval(item);
                    if (x == null || y == null || !x.has("L") || !y.has("L")) {
                        throw DynamoException.validation("An operand in the update expression has an incorrect data"
                                + " type (list_append takes two lists)");
                    }
                    ObjectNode out = JSON.objectNode();
                    ArrayNode list = out.putArray("L");
                    x.get("L").forEach(list::add);
                    y.get("L").forEach(list::add);
                    return out;
                };
            }
            return operand();
        }
    }
}
