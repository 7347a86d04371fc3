package io.crmsync.console;

import static io.crmsync.testing.LambdaEvents.call;
import static io.crmsync.testing.LambdaEvents.httpRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The console's own requests, fed what a broken or hostile client sends, where {@link
 * io.crmsync.integrity.ApiRoutesFuzzTest} (every route, hostile path segments, queries and generic bodies) does not
 * reach: hostile values in the query parameters each console page sends next to valid ones (so they get past the
 * object check into the search, the cursor and the field listing), the console's asset paths, and bodies that are
 * valid JSON of the wrong shape for each route the console writes to. None may answer 5xx; every refusal is the
 * API's error shape. (Only refusals are sent: no case is a valid request, so nothing is imported or changed.)
 */
@QuarkusTest
class ConsoleRoutesFuzzTest {

    private static final String HUGE = "x".repeat(100_000);

    /** Values for query parameters and path segments, as they appear raw in the URL. */
    private static final List<String> RAW_VALUES = List.of("", "%", "%zz", "%e2%82", "%00", "%2e%2e", "-1",
            "99999999999999999999999", "%22%27%3B--", "%F0%9F%98%80", "contact~1~2~PROPERTY_VALUE",
            HUGE.substring(0, 5_000));

    /** Well-formed JSON of the wrong shape for the console's write routes (malformed JSON is the API fuzz's). */
    private static final List<String> BODIES = List.of("{}", "{\"object\":null}", "{\"object\":[\"contacts\"]}",
            "{\"object\":\"" + HUGE + "\"}", "{\"filters\":[null]}",
            "{\"object\":\"contacts\",\"filters\":[{\"field\":123}]}", "{\"mappings\":[{}]}", "{\"listId\":123}",
            "{\"listId\":\"99999999999999999999999\"}", "{\"ids\":[\"" + HUGE + "\"]}", "{\"createAs\":\"BOTH\"}",
            "{\"hubspotId\":\"1e400\",\"object\":\"contact\"}");

    static Stream<Arguments> requests() {
        List<Arguments> cases = new ArrayList<>();
        for (String v : RAW_VALUES) {
            cases.add(Arguments.of("GET", "/imports/fields", "object=custom&customObject=" + v));
            cases.add(Arguments.of("GET", "/imports", "limit=" + v + "&cursor=" + v));
            cases.add(Arguments.of("GET", "/records/search", "object=contact&q=" + v));
            cases.add(Arguments.of("GET", "/sync-errors", "object=" + v + "&category=" + v + "&cursor=" + v));
            cases.add(Arguments.of("GET", "/sync-errors", "object=contact&cursor=" + v + "&limit=" + v));
            if (!v.isEmpty()) {
                cases.add(Arguments.of("GET", "/console/assets/" + v + ".js", null));
            }
            cases.add(Arguments.of("GET", "/api-usage/hourly", v + "=" + v));
        }
        return cases.stream();
    }

    static Stream<Arguments> bodies() {
        List<Arguments> cases = new ArrayList<>();
        for (String body : BODIES) {
            for (String route : List.of("POST /imports/review", "POST /imports", "POST /resync", "POST /sync-errors/retry",
                    "PUT /settings/mappings/contact", "PUT /settings/inclusion-segments/contact",
                    "PUT /settings/contact-creation", "PUT /settings/contact-deletion")) {
                String[] parts = route.split(" ");
                // (an object without listId is a valid request there: it clears the segment)
                if (!(body.equals("{}") && route.contains("inclusion-segments"))) {
                    cases.add(Arguments.of(parts[0], parts[1], body));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}?{2}")
    @MethodSource("requests")
    void hostileUrl_neverAnswers5xx(String method, String path, String query) {
        assertRefusedCleanly(method, path, query, null);
    }

    @ParameterizedTest(name = "{0} {1} [{index}]")
    @MethodSource("bodies")
    void hostileBody_isRefusedWith400or413_neverAnswers5xx(String method, String path, String body) {
        JsonPath answer = assertRefusedCleanly(method, path, null, body);
        // (413: an import definition longer than one SOQL query, which the 100 KB body is)
        assertThat(answer.getInt("statusCode")).as(method + " " + path + " " + abbreviated(body)).isIn(400, 413);
    }

    private static JsonPath assertRefusedCleanly(String method, String path, String query, String body) {
        JsonPath answer = call("api", httpRequest(method, path, query, body));
        int status = answer.getInt("statusCode");
        String what = method + " " + abbreviated(path) + "?" + abbreviated(query) + " " + abbreviated(body);
        assertThat(status).as(what + " answered " + abbreviated(answer.getString("body"))).isLessThan(500);
        if (status >= 400 && !"application/json".equals(answer.getString("headers.Content-Type"))) {
            throw new AssertionError(what + ": a refusal that is not JSON");
        }
        if (status >= 400) {
            assertThat(answer.getString("body")).as(what).startsWith("{\"error\":{\"code\":");
        }
        return answer;
    }

    private static String abbreviated(String s) {
        return s == null ? "" : s.length() > 80 ? s.substring(0, 80) + "…(" + s.length() + ")" : s;
    }
}
