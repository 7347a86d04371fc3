package io.crmsync.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;

/** What an endpoint answers: a status and a JSON body (null for 204). */
record Answer(int status, JsonNode body) {

    static Answer ok(JsonNode body) {
        return new Answer(200, body);
    }

    static Answer noContent() {
        return new Answer(204, null);
    }
}
