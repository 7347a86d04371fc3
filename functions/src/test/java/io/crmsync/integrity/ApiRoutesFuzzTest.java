package io.crmsync.integrity;

import static io.crmsync.testing.LambdaEvents.call;
import static io.crmsync.testing.LambdaEvents.httpRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.provider.Arguments;

import io.crmsync.api.ApiRouter;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * EVERY route the API serves (read from the router itself, so a route added later is fuzzed without anyone asking),
 * fed what a broken or hostile client sends: malformed percent-encoding in the path and the query, ids over
 * DynamoDB's 2 KB key limit, JSON null, wrong types, huge numbers, deep nesting. None may answer 5xx, and every
 * refusal is the API's JSON error with a message. Only refusals are sent (every body is invalid), so nothing changes.
 * Each case is the API Gateway event handed to the api function as its Lambda runtime would ({@code LambdaEvents.call}:
 * 0.3 ms a case instead of 40 ms through the mock event server, whose transport ApiFunctionTest covers).
 */
@QuarkusTest
class ApiRoutesFuzzTest {

    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z]+)\\+?}");
    /** Over DynamoDB's 2,048-byte partition key limit (and its 1,024-byte sort key limit). */
    private static final String LONG_ID = "0013000000" + "9".repeat(3_000);

    private static final List<String> HOSTILE_SEGMENTS = List.of("%", "%zz", "%e2%82", "%00", "%2F%2E%2E", LONG_ID,
            "a".repeat(2_100), "99999999999999999999999", "-1", "1e400", "%F0%9F%98%80", "contact~1~2~X");

    private static final List<String> HOSTILE_QUERIES = List.of("%", "%=%", "a=%zz", "limit=%e2%82&cursor=%",
            "limit=99999999999999999999999&cursor=" + LONG_ID, "object=" + LONG_ID + "&q=" + LONG_ID,
            "object=%00&category=%zz&customObject=%", "limit=-1&cursor=-1", "dryRun=maybe");

    private static final List<String> HOSTILE_BODIES = List.of("", "{", "null", "[]", "\"text\"", "123", "true",
            "{\"a\":1e999999}", "{\"listId\":99999999999999999999999999}", "{\"object\":null,\"filters\":null}",
            "{\"ids\":[null]}", "{\"mappings\":[null]}", "{\"values\":[null]}", "{\"hubspotId\":[],\"object\":{}}",
            "[".repeat(5_000) + "]".repeat(5_000), "\u0000", "{\"a\":\"\\ud800\"}", "{\"unknown\":" + LONG_ID + "}");

    @Inject
    ApiRouter router;

    List<String> routes() {
        return router.routes();
    }

    Stream<Arguments> hostilePaths() {
        List<Arguments> cases = new ArrayList<>();
        for (String route : routes()) {
            String[] parts = route.split(" ", 2);
            List<String> params = params(parts[1]);
            for (String param : params) {
                for (String value : HOSTILE_SEGMENTS) {
                    cases.add(Arguments.of(parts[0], fill(parts[1], param, value), null));
                }
            }
            for (String query : HOSTILE_QUERIES) {
                cases.add(Arguments.of(parts[0], fill(parts[1], null, null), query));
            }
        }
        return cases.stream();
    }

    Stream<Arguments> hostileBodies() {
        List<Arguments> cases = new ArrayList<>();
        for (String route : routes()) {
            String[] parts = route.split(" ", 2);
            if (parts[0].equals("POST") || parts[0].equals("PUT")) {
                for (String body : HOSTILE_BODIES) {
                    cases.add(Arguments.of(parts[0], fill(parts[1], null, null), body));
                }
            }
        }
        return cases.stream();
    }

    @Test
    void everyRoute_isFuzzed() {
        // a route table that could not be read would make the parameterized cases vacuous
        assertThat(routes()).hasSizeGreaterThan(30).contains("GET /imports/{id}", "PUT /settings/mappings/{object}",
                "POST /webhooks/hubspot");
        assertThat(hostilePaths().count()).isGreaterThan(routes().size() * HOSTILE_QUERIES.size());
    }

    @TestFactory
    Stream<DynamicTest> hostilePathOrQuery_neverAnswers5xx() {
        return hostilePaths().map(Arguments::get).map(a -> DynamicTest.dynamicTest(a[0] + " " + abbreviated((String) a[1])
                + "?" + abbreviated((String) a[2]), () -> assertRefusedCleanly((String) a[0], (String) a[1],
                        (String) a[2], a[0].equals("GET") ? null : "{\"unknown\":true}")));
    }

    @TestFactory
    Stream<DynamicTest> hostileBody_isRefusedWith4xx_neverAnswers5xx() {
        return hostileBodies().map(Arguments::get).map(a -> DynamicTest.dynamicTest(a[0] + " " + a[1] + " "
                + abbreviated((String) a[2]), () -> {
                    int status = assertRefusedCleanly((String) a[0], (String) a[1], null, (String) a[2])
                            .getInt("statusCode");
                    assertThat(status).as(a[0] + " " + a[1] + " " + abbreviated((String) a[2])).isBetween(400, 499);
                }));
    }

    private static JsonPath assertRefusedCleanly(String method, String path, String query, String body) {
        Map<String, Object> event = httpRequest(method, path, query, body);
        JsonPath answer = call("api", event);
        int status = answer.getInt("statusCode");
        String what = method + " " + abbreviated(path) + "?" + abbreviated(query) + " " + abbreviated(body);
        assertThat(status).as(what + " answered " + abbreviated(answer.getString("body"))).isLessThan(500);
        if (status >= 400) {
            assertThat(answer.getString("headers.Content-Type")).as(what).isEqualTo("application/json");
            JsonPath error = new JsonPath(answer.getString("body"));
            assertThat(error.getString("error.code")).as(what).isNotBlank();
            assertThat(error.getString("error.message")).as(what).isNotBlank();
        }
        return answer;
    }

    private static List<String> params(String template) {
        List<String> out = new ArrayList<>();
        Matcher m = PARAM.matcher(template);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The template with {@code param} set to {@code value} and every other parameter to a plausible value. */
    private static String fill(String template, String param, String value) {
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String v = name.equals(param) ? value : switch (name) {
                case "object" -> "contact";
                case "path" -> "index.html";
                default -> "1";
            };
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String abbreviated(String s) {
        return s == null ? "" : s.length() > 80 ? s.substring(0, 80) + "…(" + s.length() + ")" : s;
    }
}
