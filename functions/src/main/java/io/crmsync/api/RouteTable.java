package io.crmsync.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Routes by method and path template ({@code /imports/{id}}). Literal segments win over parameters, so
 * {@code /imports/review} is never read as an import id. A last segment {@code {name+}} takes the rest of the path
 * (one or more segments, joined by '/'), for static files in folders.
 */
public final class RouteTable {

    private final List<Route> routes = new ArrayList<>();

    public RouteTable get(String template, Function<ApiRequest, ApiResponse> handler) {
        return add("GET", template, handler);
    }

    public RouteTable post(String template, Function<ApiRequest, ApiResponse> handler) {
        return add("POST", template, handler);
    }

    public RouteTable put(String template, Function<ApiRequest, ApiResponse> handler) {
        return add("PUT", template, handler);
    }

    public RouteTable delete(String template, Function<ApiRequest, ApiResponse> handler) {
        return add("DELETE", template, handler);
    }

    private RouteTable add(String method, String template, Function<ApiRequest, ApiResponse> handler) {
        Route route = new Route(method, segments(template), handler);
        boolean clash = routes.stream().anyMatch(r -> r.method.equals(method) && r.shape().equals(route.shape()));
        if (clash) {
            throw new IllegalStateException("Two routes for " + method + " " + template);
        }
        routes.add(route);
        routes.sort((a, b) -> Integer.compare(b.precedence(), a.precedence()));
        return this;
    }

    /** The route for this request, with its path parameters bound. */
    public Optional<Match> match(String method, String path) {
        List<String> actual = segments(path);
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> params = route.bind(actual);
            if (params == null) {
                continue;
            }
            if (route.method.equals(method)) {
                return Optional.of(new Match(route.handler, params, true));
            }
            pathKnown = true;
        }
        return pathKnown ? Optional.of(new Match(null, Map.of(), false)) : Optional.empty();
    }

    /** Every route as "METHOD /template", for tests that must cover them all (a new route is fuzzed unasked). */
    public List<String> describe() {
        return routes.stream().map(r -> r.method + " /" + String.join("/", r.template)).sorted().toList();
    }

    /** A matched path; {@code methodAllowed} is false when the path exists but not for this method (405). */
    public record Match(Function<ApiRequest, ApiResponse> handler, Map<String, String> params, boolean methodAllowed) {
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                out.add(part);
            }
        }
        return out;
    }

    private record Route(String method, List<String> template, Function<ApiRequest, ApiResponse> handler) {

        Map<String, String> bind(List<String> actual) {
            boolean greedy = !template.isEmpty() && template.get(template.size() - 1).endsWith("+}");
            if (greedy ? actual.size() < template.size() : actual.size() != template.size()) {
                return null;
            }
            Map<String, String> params = new HashMap<>();
            for (int i = 0; i < template.size(); i++) {
                String t = template.get(i);
                if (greedy && i == template.size() - 1) {
                    params.put(t.substring(1, t.length() - 2), String.join("/", actual.subList(i, actual.size())));
                } else if (t.startsWith("{") && t.endsWith("}")) {
                    params.put(t.substring(1, t.length() - 1), actual.get(i));
                } else if (!t.equals(actual.get(i))) {
                    return null;
                }
            }
            return params;
        }

        String shape() {
            return String.join("/", template.stream().map(t -> t.endsWith("+}") ? "{+}" : t.startsWith("{") ? "{}" : t)
                    .toList());
        }

        /** More literal segments first; among equals, exact-length templates before a greedy one. */
        int precedence() {
            int literals = (int) template.stream().filter(t -> !t.startsWith("{")).count();
            boolean greedy = !template.isEmpty() && template.get(template.size() - 1).endsWith("+}");
            return literals * 2 + (greedy ? 0 : 1);
        }
    }
}
