package io.crmsync.store;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Work for {@code crm} ("salesforce", "hubspot") waits until {@code until}: its daily API budget is spent. */
@RegisterForReflection
public record LimitPause(String crm, Instant until, Instant since) {
}
