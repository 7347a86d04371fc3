package io.crmsync.store;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A small JSON settings document (e.g. "mappings.contact", "segment.contact"), with an optimistic-lock version. */
@RegisterForReflection
public record SettingsDocument(String key, String json, long version, Instant updatedAt) {
}
