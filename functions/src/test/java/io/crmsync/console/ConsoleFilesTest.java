package io.crmsync.console;

import static io.crmsync.testing.LambdaEvents.httpRequest;
import static io.crmsync.testing.LambdaEvents.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The console's files as the api function serves them (through the Lambda event, as API Gateway sends it): types,
 * caching, compression, revalidation, page paths, and nothing outside the console's folder.
 */
@QuarkusTest
class ConsoleFilesTest {

    @Test
    void consoleRoot_servesThePage_neverCached_withAContentSecurityPolicy() {
        JsonPath page = get("/console/", Map.of());

        assertThat(page.getInt("statusCode")).isEqualTo(200);
        assertThat(page.getString("headers.Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.getString("headers.Cache-Control")).isEqualTo("no-cache");
        assertThat(page.getString("headers.Content-Security-Policy")).contains("default-src 'self'")
                .contains("connect-src 'self';");
        assertThat(body(page)).contains("<div id=\"app\"></div>").contains("/console/assets/");
    }

    @Test
    void consoleWithoutSlash_andTheApiRoot_redirectToTheConsole() {
        assertThat(get("/console", Map.of()).getString("headers.Location")).isEqualTo("/console/imports");
        assertThat(get("/console", Map.of()).getInt("statusCode")).isEqualTo(308);
        assertThat(get("/", Map.of()).getString("headers.Location")).isEqualTo("/console/imports");
    }

    @Test
    void aConsolePagePath_getsThePage_soALinkToARecordWorks() {
        JsonPath page = get("/console/records/contact/100001", Map.of());

        assertThat(page.getInt("statusCode")).isEqualTo(200);
        assertThat(body(page)).isEqualTo(body(get("/console/", Map.of())));
    }

    @Test
    void hashedBundle_isServedWithItsType_andCachedForAYear() {
        String script = scriptOfThePage();

        JsonPath js = get(script, Map.of());

        assertThat(js.getInt("statusCode")).isEqualTo(200);
        assertThat(js.getString("headers.Content-Type")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(js.getString("headers.Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(js.getString("headers.X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(body(js)).contains("/console/config.json");
    }

    @Test
    void aBrowserThatAcceptsGzip_getsTheSameFileCompressed() throws IOException {
        String script = scriptOfThePage();
        String plain = body(get(script, Map.of()));

        JsonPath gzipped = get(script, Map.of("accept-encoding", "gzip, deflate, br"));

        assertThat(gzipped.getString("headers.Content-Encoding")).isEqualTo("gzip");
        assertThat(gzipped.getString("headers.Vary")).isEqualTo("Accept-Encoding");
        byte[] compressed = Base64.getDecoder().decode(gzipped.getString("body"));
        assertThat(compressed.length).isLessThan(plain.length() / 2);
        try (var in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain);
        }
        assertThat(get(script, Map.of("accept-encoding", "gzip;q=0")).getString("headers.Content-Encoding")).isNull();
    }

    @Test
    void aFileTheBrowserHas_isRevalidatedWith304() {
        String etag = get("/console/", Map.of()).getString("headers.ETag");

        JsonPath again = get("/console/", Map.of("if-none-match", etag));

        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(again.getInt("statusCode")).isEqualTo(304);
        assertThat(again.getString("body")).isNull();
        assertThat(get("/console/", Map.of("if-none-match", "\"other\"")).getInt("statusCode")).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console/../application.properties", "/console/assets/../../application.properties",
            "/console/%2e%2e/application.properties", "/console/..%2fapplication.properties",
            "/console/.vite/manifest.json", "/console/assets/.hidden.js", "/console/no-such-file.js",
            "/console/io/crmsync/api/ApiRouter.class", "/console/assets/a%00.js", "/console/assets/%ZZ.js"})
    void pathsOutsideTheConsoleOrUnknownFiles_answer404_inTheApiErrorShape(String path) {
        JsonPath answer = get(path, Map.of());

        assertThat(answer.getInt("statusCode")).as(path).isEqualTo(404);
        assertThat(answer.getString("headers.Content-Type")).isEqualTo("application/json");
        assertThat(answer.getString("body")).contains("\"code\":\"NOT_FOUND\"");
    }

    @Test
    void clientConfig_withoutAnIssuer_letsTheConsoleCallTheApiWithoutSigningIn() {
        JsonPath config = get("/console/config.json", Map.of());

        assertThat(config.getInt("statusCode")).isEqualTo(200);
        assertThat(config.getString("headers.Content-Type")).isEqualTo("application/json");
        assertThat(config.getString("body")).isEqualTo("{\"auth\":null}");
    }

    @Test
    void jsonRoutes_answerAsBefore_plainJsonNotBase64() {
        JsonPath imports = get("/imports", Map.of("accept-encoding", "gzip"));

        assertThat(imports.getInt("statusCode")).isEqualTo(200);
        assertThat(imports.getMap("headers")).containsExactly(Map.entry("Content-Type", "application/json"));
        assertThat(imports.getBoolean("isBase64Encoded")).isFalse();
        assertThat(imports.getString("body")).startsWith("{\"imports\":");
    }

    private static String scriptOfThePage() {
        Matcher m = Pattern.compile("src=\"(/console/assets/index-[^\"]+\\.js)\"").matcher(body(get("/console/", Map.of())));
        assertThat(m.find()).as("index.html names its bundle").isTrue();
        return m.group(1);
    }

    private static JsonPath get(String path, Map<String, String> headers) {
        return invoke(httpRequest("GET", path, null, null, headers)).then().statusCode(200).extract().jsonPath();
    }

    /** A response body as the browser gets it (API Gateway decodes base64 bodies). */
    private static String body(JsonPath response) {
        String body = response.getString("body");
        return response.getBoolean("isBase64Encoded")
                ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
    }
}
