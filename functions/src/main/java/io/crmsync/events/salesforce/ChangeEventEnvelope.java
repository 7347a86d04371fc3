package io.crmsync.events.salesforce;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the EventBridge rule puts on the queue: the EventBridge event Salesforce's Event Relay publishes on the
 * partner event bus, whose {@code detail} holds the change event ({@code payload}, header included) and its schema
 * and event ids. Only {@code detail} is read; {@link ChangeEvent#from} checks it strictly.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChangeEventEnvelope(String version, String id, @JsonProperty("detail-type") String detailType,
        String source, String time, JsonNode detail) {

    public static final String SOURCE_PREFIX = "aws.partner/salesforce.com/";
}
