package io.crmsync.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/** The HTTP API behind API Gateway (HTTP API, payload format 2.0): turns the event into a call on the router. */
public class ApiFunction {

    @Inject
    ApiRouter router;

    @Inject
    ObjectMapper mapper;

    @Funq("api")
    public APIGatewayV2HTTPResponse api(APIGatewayV2HTTPEvent event) throws JsonProcessingException {
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        String method = http != null && http.getMethod() != null ? http.getMethod() : "GET";
        String body = event.getBody();
        if (body != null && event.getIsBase64Encoded()) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        ApiResponse response = router.handle(method, event.getRawPath(), event.getRawQueryString(),
                headers(event.getHeaders()), body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.putAll(response.headers());
        var answer = APIGatewayV2HTTPResponse.builder().withStatusCode(response.status()).withHeaders(headers);
        if (response.isBytes()) {
            // API Gateway passes binary (and compressed) bodies only as base64
            byte[] bytes = (byte[]) response.body();
            return answer.withBody(Base64.getEncoder().encodeToString(bytes)).withIsBase64Encoded(true).build();
        }
        return answer.withBody(response.body() == null ? null : mapper.writeValueAsString(response.body())).build();
    }

    /** API Gateway sends header names in lower case; a hand-written event might not. */
    private static Map<String, String> headers(Map<String, String> raw) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (raw != null) {
            raw.forEach((name, value) -> {
                if (name != null && value != null) {
                    headers.put(name.toLowerCase(Locale.ROOT), value);
                }
            });
        }
        return headers;
    }
}
