package io.crmsync.api;

import static io.crmsync.testing.LambdaEvents.httpRequest;
import static io.crmsync.testing.LambdaEvents.invoke;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ApiFunctionTest {

    @Test
    void unknownRoute_answers404_withJsonErrorBody() {
        // when
        var response = invoke(httpRequest("GET", "/no-such-thing", null, null));

        // then
        response.then().statusCode(200)
                .body("statusCode", equalTo(404))
                .body("headers.Content-Type", equalTo("application/json"))
                .body("body", containsString("\"code\":\"ROUTE_NOT_FOUND\""))
                .body("body", containsString("GET /no-such-thing"));
    }

    @Test
    void malformedBody_answers400_sayingWhereTheJsonBreaks() {
        var response = invoke(httpRequest("POST", "/test-probes", null, "{\"name\": \"a\", "));

        response.then().body("statusCode", equalTo(400))
                .body("body", containsString("\"code\":\"MALFORMED_JSON\""))
                .body("body", containsString("line 1"));
    }

    @Test
    void unknownProperty_answers400_namingTheProperty() {
        var response = invoke(httpRequest("POST", "/test-probes", null, "{\"name\":\"a\",\"sise\":3}"));

        response.then().body("statusCode", equalTo(400))
                .body("body", containsString("\"code\":\"UNKNOWN_PROPERTY\""))
                .body("body", containsString("'sise'"));
    }

    @Test
    void wrongValueType_answers400_namingTheField() {
        var response = invoke(httpRequest("POST", "/test-probes", null, "{\"name\":\"a\",\"size\":\"big\"}"));

        response.then().body("statusCode", equalTo(400))
                .body("body", containsString("\"field\":\"size\""));
    }

    @Test
    void missingBody_answers400() {
        invoke(httpRequest("POST", "/test-probes", null, null))
                .then().body("statusCode", equalTo(400)).body("body", containsString("MISSING_BODY"));
    }

    @Test
    void knownPathWithWrongMethod_answers405() {
        invoke(httpRequest("DELETE", "/test-probes", null, null))
                .then().body("statusCode", equalTo(405)).body("body", containsString("METHOD_NOT_ALLOWED"));
    }

    @Test
    void validRequest_reachesTheRoute_withPathParameters() {
        invoke(httpRequest("GET", "/test-probes/abc-1", null, null))
                .then().body("statusCode", equalTo(200)).body("body", equalTo("{\"id\":\"abc-1\"}"));
        invoke(httpRequest("POST", "/test-probes", null, "{\"name\":\"a\",\"size\":3}"))
                .then().body("statusCode", equalTo(200)).body("body", equalTo("{\"name\":\"a\",\"size\":3}"));
    }
}
