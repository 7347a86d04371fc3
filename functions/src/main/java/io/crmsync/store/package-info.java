/**
 * The DynamoDB store: one table ({@link io.crmsync.store.StoreSchema}), typed repositories on the low-level
 * {@code DynamoDbClient}, values as records. Key layout: {@link io.crmsync.store.StoreKeys}.
 *
 * <ul>
 * <li>{@link io.crmsync.store.PairingRepository}: HubSpot id &lt;-&gt; Salesforce id, optimistic version, re-pairing,
 * bulk reads.</li>
 * <li>{@link io.crmsync.store.ImportJobRepository}: jobs, exactly-once chunk counters, status life cycle, paging.</li>
 * <li>{@link io.crmsync.store.SegmentSnapshotRepository}: segment members at a point in time and their diff.</li>
 * <li>{@link io.crmsync.store.SyncErrorRepository}: open/resolved errors by object and category.</li>
 * <li>{@link io.crmsync.store.WatermarkRepository}, {@link io.crmsync.store.LeaseRepository},
 * {@link io.crmsync.store.IdempotencyRepository}, {@link io.crmsync.store.SettingsRepository}.</li>
 * </ul>
 *
 * Methods that depend on time take {@code Instant now}; production callers pass {@code clock.instant()} from the
 * injected {@link java.time.Clock} ({@link io.crmsync.store.StoreClock}), tests pass fixed instants.
 */
package io.crmsync.store;
