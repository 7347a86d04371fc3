package io.crmsync.sandbox.salesforce.soql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import io.crmsync.sandbox.salesforce.schema.FieldDef;
import io.crmsync.sandbox.salesforce.soql.SoqlQuery.*;
import io.crmsync.sandbox.salesforce.store.SandboxStore;

/**
 * Runs a parsed query against the store. A top-level {@code Id > x} (or {@code >=}) starts the scan at x in the
 * sorted map, and a query ordered by Id (either way) stops once it has LIMIT rows, so keyset paging and a phase's
 * last Id stay cheap at 100k rows.
 */
public final class QueryEngine {

    private QueryEngine() {
    }

    /** Result rows (selected fields, typed values) or, for COUNT(), an empty list and the count. */
    public record Rows(List<Map<String, Object>> rows, int count) {
    }

    public static Rows run(SoqlQuery q, SandboxStore store) {
        NavigableMap<String, Map<String, Object>> table = store.table(q.object());
        NavigableMap<String, Map<String, Object>> source = narrowById(table, q.where());
        boolean byId = q.orderBy().size() == 1 && q.orderBy().get(0).field().name().equals("Id");
        boolean idDescending = byId && q.orderBy().get(0).descending();
        // Id order either way is the index's order: the scan stops at LIMIT, as Salesforce's Id index lets it
        boolean idOrder = q.orderBy().isEmpty() || byId;
        int offset = q.offset() == null ? 0 : q.offset();
        int wanted = q.limit() == null ? Integer.MAX_VALUE : q.limit();
        boolean formulas = q.object().fields().stream().anyMatch(FieldDef::calculated);
        List<Map<String, Object>> matches = new ArrayList<>();
        for (Map<String, Object> stored : idDescending ? source.descendingMap().values() : source.values()) {
            Map<String, Object> view = formulas ? store.withFormulas(q.object(), stored) : stored;
            if (q.where() == null || matches(q.where(), view)) {
                matches.add(view);
                if (idOrder && !q.count() && matches.size() >= offset + (long) wanted) {
                    break;
                }
            }
        }
        if (!idOrder) {
            matches.sort(comparator(q.orderBy()));
        }
        List<Map<String, Object>> page = matches.subList(Math.min(offset, matches.size()),
                (int) Math.min(matches.size(), offset + (long) wanted));
        if (q.count()) {
            return new Rows(List.of(), page.size());
        }
        List<Map<String, Object>> rows = new ArrayList<>(page.size());
        for (Map<String, Object> view : page) {
            Map<String, Object> row = new LinkedHashMap<>();
            q.fields().forEach(f -> row.put(f.name(), view.get(f.name())));
            row.put("__id", view.get("Id"));
            rows.add(row);
        }
        return new Rows(rows, rows.size());
    }

    private static NavigableMap<String, Map<String, Object>> narrowById(
            NavigableMap<String, Map<String, Object>> table, Expr where) {
        List<Expr> conjuncts = where instanceof And and ? and.parts() : where == null ? List.of() : List.of(where);
        NavigableMap<String, Map<String, Object>> out = table;
        for (Expr e : conjuncts) {
            if (e instanceof Compare c && c.field().name().equals("Id") && c.value() instanceof String id) {
                if (c.op().equals(">")) {
                    out = out.tailMap(id, false);
                } else if (c.op().equals(">=")) {
                    out = out.tailMap(id, true);
                }
            }
        }
        return out;
    }

    static boolean matches(Expr e, Map<String, Object> r) {
        if (e instanceof And and) {
            return and.parts().stream().allMatch(p -> matches(p, r));
        }
        if (e instanceof Or or) {
            return or.parts().stream().anyMatch(p -> matches(p, r));
        }
        if (e instanceof Not not) {
            return !matches(not.inner(), r);
        }
        if (e instanceof Like like) {
            return r.get(like.field().name()) instanceof String s && like.pattern().matcher(s).matches();
        }
        if (e instanceof In in) {
            Object v = r.get(in.field().name());
            boolean found = v != null
                    && in.values().stream().anyMatch(x -> x != null && compare(in.field(), v, x) == 0);
            return in.negated() != found;
        }
        Compare c = (Compare) e;
        return compareMatches(c, r.get(c.field().name()));
    }

    private static boolean compareMatches(Compare c, Object value) {
        if (c.value() == null || value == null) {
            boolean bothNull = c.value() == null && value == null;
            return switch (c.op()) {
                case "=" -> bothNull;
                case "!=" -> !bothNull;
                default -> false;
            };
        }
        int cmp = compare(c.field(), value, c.value());
        return switch (c.op()) {
            case "=" -> cmp == 0;
            case "!=" -> cmp != 0;
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            case ">=" -> cmp >= 0;
            default -> throw new IllegalStateException("operator " + c.op());
        };
    }

    /** Text compares ignoring case except Ids; numbers by value whatever their Java type. */
    static int compare(FieldDef field, Object a, Object b) {
        if (a instanceof String sa && b instanceof String sb) {
            return field.type().isIdLike() ? sa.compareTo(sb) : sa.compareToIgnoreCase(sb);
        }
        if (a instanceof Boolean ba && b instanceof Boolean bb) {
            return Boolean.compare(ba, bb);
        }
        if (a instanceof LocalDate da && b instanceof LocalDate db) {
            return da.compareTo(db);
        }
        if (a instanceof Instant ia && b instanceof Instant ib) {
            return ia.compareTo(ib);
        }
        return decimal(a).compareTo(decimal(b));
    }

    private static BigDecimal decimal(Object o) {
        if (o instanceof BigDecimal d) {
            return d;
        }
        if (o instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        throw new IllegalStateException("Not comparable as a number: " + o.getClass().getSimpleName());
    }

    private static Comparator<Map<String, Object>> comparator(List<OrderItem> order) {
        Comparator<Map<String, Object>> result = (a, b) -> 0;
        for (OrderItem item : order) {
            Comparator<Map<String, Object>> one = (a, b) -> {
                Object va = a.get(item.field().name());
                Object vb = b.get(item.field().name());
                if (va == null || vb == null) {
                    if (va == vb) {
                        return 0;
                    }
                    return (va == null) == item.nullsLast() ? 1 : -1;
                }
                int cmp = compare(item.field(), va, vb);
                return item.descending() ? -cmp : cmp;
            };
            result = result.thenComparing(one);
        }
        // Ties broken by Id so pages never shuffle between calls.
        return result.thenComparing(m -> m.get("Id").toString());
    }
}
