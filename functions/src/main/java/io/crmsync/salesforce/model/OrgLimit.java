package io.crmsync.salesforce.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One entry of {@code /limits}, e.g. DailyApiRequests. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrgLimit(@JsonProperty("Max") long max, @JsonProperty("Remaining") long remaining) {
}
