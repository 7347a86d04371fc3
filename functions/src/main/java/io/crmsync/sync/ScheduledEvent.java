package io.crmsync.sync;

import static io.crmsync.queue.InvalidMessageException.require;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The EventBridge scheduled event that fires the poller ({@code detail-type: "Scheduled Event"}). */
@RegisterForReflection
public record ScheduledEvent(String id, @JsonProperty("detail-type") String detailType, String source, Instant time,
        List<String> resources) {

    public ScheduledEvent validate() {
        require(id != null && !id.isBlank(), "scheduled event has no id");
        require(time != null, "scheduled event " + id + " has no time");
        return this;
    }
}
