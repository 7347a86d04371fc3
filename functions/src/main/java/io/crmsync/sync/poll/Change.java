package io.crmsync.sync.poll;

import java.time.Instant;

/** A record some side reported as changed (or deleted) at {@code modifiedAt}. */
public record Change(String id, Instant modifiedAt) {
}
