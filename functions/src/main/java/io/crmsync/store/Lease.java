package io.crmsync.store;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code holder} may do the leased work until {@code until}; after that anyone may take the lease over. */
@RegisterForReflection
public record Lease(String name, String holder, Instant until) {
}
