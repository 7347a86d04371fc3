package io.crmsync.health;

import java.time.Instant;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One hour of {@code GET /api-usage/hourly}: the calls crm-sync made to each CRM in it, by kind. */
@RegisterForReflection
public record ApiUsageHour(Instant hour, Map<String, Long> salesforce, Map<String, Long> hubspot) {
}
