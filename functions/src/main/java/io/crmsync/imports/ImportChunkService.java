package io.crmsync.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.crmsync.imports.catalogue.ImportableObject;
import io.crmsync.imports.chunk.CampaignMembers;
import io.crmsync.imports.chunk.PageImporter;
import io.crmsync.imports.definition.ImportDefinition;
import io.crmsync.limits.CallsAtOnce;
import io.crmsync.limits.DailyLimitHit;
import io.crmsync.limits.LimitPauses;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.salesforce.error.DailyApiLimitExceededException;
import io.crmsync.salesforce.model.SObject;
import io.crmsync.salesforce.soql.Condition;
import io.crmsync.store.IdempotencyAlreadyCompletedException;
import io.crmsync.store.ImportCounters;
import io.crmsync.store.IdempotencyRepository;
import io.crmsync.store.ImportJob;
import io.crmsync.store.ImportJobRepository;
import io.crmsync.store.ImportJobStateException;
import io.crmsync.store.ImportStatus;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs one chunk message: one keyset page of Salesforce records into HubSpot. The next page's message is sent as
 * soon as this page is read, so pages are written in parallel by as many workers as the queue's concurrency allows;
 * the last page of a phase waits for the others before the next phase starts or the job completes.
 *
 * <p>Delivery is at least once, so each page holds an idempotency record ({@code import-<id>-<chunk>}) that is
 * completed only after the page's effects are stored AND the next message is sent: a redelivery of a finished page
 * does nothing, a redelivery of a page that died halfway redoes it (upserts and pairings are idempotent, and the
 * job's counters are added under a chunk marker, exactly once) and then sends the next message it may have missed.
 */
@ApplicationScoped
public class ImportChunkService {

    private static final Logger LOG = Logger.getLogger(ImportChunkService.class);
    /** Longer than the function's 300 s timeout: an attempt still holding the key after this is dead. */
    static final Duration IN_PROGRESS_TIMEOUT = Duration.ofSeconds(360);
    /** Outlives SQS retention (4 days) with room, like the store's chunk markers. */
    static final Duration KEY_TTL = Duration.ofDays(15);
    /** How long the last page of a phase waits for the pages before it; well inside the function's 300 s timeout. */
    static final Duration LAST_PAGE_WAIT = Duration.ofSeconds(120);

    private final ImportJobRepository jobs;
    private final IdempotencyRepository idempotency;
    private final ImportService imports;
    private final ImportPlanner planner;
    private final SalesforceClient salesforce;
    private final ApiBudgetGuard budget;
    private final PageImporter pages;
    private final CampaignMembers campaignMembers;
    private final ImportQueue queue;
    private final ImportsConfig config;
    private final Clock clock;
    private final LimitPauses limitPauses;
    /** The first page of a large phase and the query for the phase's last Id, at once (see {@link #run}). */
    private final CallsAtOnce firstPageReads = new CallsAtOnce("import-first-page", 2);

    ImportChunkService(ImportJobRepository jobs, IdempotencyRepository idempotency, ImportService imports,
            ImportPlanner planner, SalesforceClient salesforce, ApiBudgetGuard budget, PageImporter pages,
            CampaignMembers campaignMembers, ImportQueue queue, ImportsConfig config, Clock clock,
            LimitPauses limitPauses) {
        this.limitPauses = limitPauses;
        this.jobs = jobs;
        this.idempotency = idempotency;
        this.imports = imports;
        this.planner = planner;
        this.salesforce = salesforce;
        this.budget = budget;
        this.pages = pages;
        this.campaignMembers = campaignMembers;
        this.queue = queue;
        this.config = config;
        this.clock = clock;
    }

    @PreDestroy
    void close() {
        firstPageReads.close();
    }

    public void process(ImportChunkMessage message) {
        Optional<ImportJob> found = jobs.find(message.importId());
        if (found.isEmpty()) {
            LOG.warnf("Import %s does not exist; chunk %s dropped", message.importId(), message.chunkId());
            return;
        }
        ImportJob job = found.get();
        if (job.status().isFinished()) {
            return;
        }
        if (job.cancelRequested()) {
            stopCancelled(job.id());
            return;
        }
        String key = "import-" + job.id() + "-" + message.chunkId();
        try {
            idempotency.begin(key, clock.instant(), IN_PROGRESS_TIMEOUT, KEY_TTL);
        } catch (IdempotencyAlreadyCompletedException e) {
            LOG.debugf("Import %s chunk %s was done before; duplicate ignored", job.id(), message.chunkId());
            return;
        }
        try {
            if (run(job, message)) {
                limitPauses.resumed();
                idempotency.complete(key, Optional.empty(), clock.instant(), KEY_TTL);
            } else {
                idempotency.release(key);
            }
        } catch (RuntimeException e) {
            idempotency.release(key);
            var hit = limitPauses.hitBy(e);
            if (hit.isPresent()) {
                // a CRM's daily budget ran out mid-page: the page waits for the reset (redoing it is idempotent)
                pauseUntilReset(jobs.get(job.id()), message, hit.get());
                return;
            }
            jobs.recordAttemptFailure(job.id(), "Page " + message.page() + " failed: " + describe(e), clock.instant());
            throw e;
        }
    }

    /** @return false when the page was put back for later (budget), true when it is done */
    private boolean run(ImportJob job, ImportChunkMessage message) {
        long started = System.nanoTime();
        ImportDefinition definition = imports.definition(job);
        ImportPlan plan = planner.replan(definition);
        ImportPlan.Step step = plan.step(message.phase());
        if (!budget.allowsNextPage()) {
            pause(job, message);
            return false;
        }
        if (job.status() != ImportStatus.RUNNING) {
            jobs.markRunning(job.id(), clock.instant());
        }
        long prepared = System.nanoTime();
        boolean splits = splits(job, plan, message);
        List<SObject> records;
        Optional<String> phaseLastId;
        try {
            if (splits) {
                // the phase's last Id, where its Id ranges end, is read beside the page instead of after it
                var both = firstPageReads.both(() -> readPage(plan, definition, step, message),
                        () -> salesforce.lastId(step.phase().sobject(), step.where()));
                records = both.first();
                phaseLastId = both.second();
            } else {
                records = readPage(plan, definition, step, message);
                phaseLastId = Optional.empty();
            }
        } catch (DailyApiLimitExceededException e) {
            pause(jobs.get(job.id()), message);
            return false;
        }
        long read = System.nanoTime();
        boolean lastPageOfChain = records.size() < config.pageSize();
        if (!lastPageOfChain) {
            // Sent before this page is written: the next page is read (and written) by another worker meanwhile.
            String lastId = records.get(records.size() - 1).id();
            List<String> boundaries = splits ? boundaries(job.id(), message, lastId, phaseLastId) : List.of();
            queueNext(message, lastId, boundaries);
        }
        long queued = System.nanoTime();
        PageImporter.PageResult result = pages.importPage(job.id(), message.chunkId(), step.phase(), records,
                definition.syncToInclusionSegment());
        long written = System.nanoTime();
        jobs.applyChunk(job.id(), message.chunkId(), result.counters(), result.reasons(), clock.instant());
        if (lastPageOfChain) {
            awaitEarlierPages(job.id(), message);
            if (lastChainToEnd(job.id(), message)) {
                if (message.phase() + 1 < plan.steps().size()) {
                    queue.send(message.nextPhase());
                } else {
                    finish(job.id());
                }
            }
        }
        LOG.infof("Import %s %s: %d records in %d ms (plan and budget %d ms, Salesforce read %d ms, next page queued %d"
                + " ms, HubSpot writes and pairings %d ms, of which pairings %d ms summed over batches, associations"
                + " and follow-up %d ms, counters and phase end %d ms), %s", job.id(), message.chunkId(),
                records.size(), millisSince(started), (prepared - started) / 1_000_000, (read - prepared) / 1_000_000,
                (queued - read) / 1_000_000, result.hubspotMillis(), result.pairingMillis(),
                (written - queued) / 1_000_000 - result.hubspotMillis(), millisSince(written), result.counters());
        return true;
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    private List<SObject> readPage(ImportPlan plan, ImportDefinition definition, ImportPlan.Step step,
            ImportChunkMessage message) {
        List<SObject> records = salesforce.keysetPage(step.phase().sobject(), step.phase().fields(),
                upTo(step.where(), message.upToId()), message.afterId(), config.pageSize());
        if (plan.object() == ImportableObject.CAMPAIGN) {
            String name = planner.campaign(definition.campaignId()).getString("Name");
            return campaignMembers.withEmails(records, name);
        }
        return records;
    }

    /**
     * Queues the page after this one. The first page of a large phase also splits the rest of the phase into Id
     * ranges read at once ({@code crmsync.imports.read-chains}), since one chain of keyset pages reads only one page
     * per query round trip: this chain goes on up to the first boundary, and each further range starts its own.
     */
    private void queueNext(ImportChunkMessage message, String lastId, List<String> boundaries) {
        if (boundaries.isEmpty()) {
            queue.send(message.next(lastId));
            return;
        }
        int chains = boundaries.size() + 1;
        queue.send(message.nextInSplit(lastId, chains, boundaries.get(0)));
        for (int c = 1; c < chains; c++) {
            queue.send(message.chainStart(c, chains, boundaries.get(c - 1),
                    c < boundaries.size() ? boundaries.get(c) : null));
        }
    }

    private boolean splits(ImportJob job, ImportPlan plan, ImportChunkMessage message) {
        return message.page() == 1 && message.chain() == 0 && !message.split() && config.readChains() > 1
                && job.counters().total() >= config.splitFromRecords() && plan.object() != ImportableObject.CAMPAIGN;
    }

    /**
     * Where the rest of the phase, from this page's last Id to the phase's, is cut; stored once: a redelivered first
     * page splits exactly as the attempt whose ranges may already be queued, even if records were created since.
     */
    private List<String> boundaries(String jobId, ImportChunkMessage message, String lastId,
            Optional<String> phaseLastId) {
        List<String> cuts = phaseLastId.map(last -> IdRanges.boundaries(lastId, last, config.readChains()))
                .orElse(List.of());
        return jobs.splitOnce(jobId, message.phase(), cuts, clock.instant());
    }

    /**
     * Whether this chain's end completes the phase: always for an unsplit phase; in a split one, the chain leaves a
     * marker and the chain that sees every chain's marker goes on (a marker is written before the markers are read,
     * so the last chain to end sees all of them).
     */
    private boolean lastChainToEnd(String jobId, ImportChunkMessage message) {
        if (!message.split()) {
            return true;
        }
        jobs.applyChunk(jobId, message.chainEndMarker(), ImportCounters.chunk(0, 0, 0, 0), java.util.Map.of(),
                clock.instant());
        return jobs.appliedChunks(jobId, message.phaseEndPrefix()) >= message.chains();
    }

    private static Condition upTo(Condition filter, String lastId) {
        if (lastId == null) {
            return filter;
        }
        return filter == null ? Condition.le("Id", lastId) : Condition.and(Condition.le("Id", lastId), filter);
    }

    /**
     * Pages of a phase run in parallel, so the last one may be done before those it follows: it waits (reading only
     * the chunk markers) until every page of the phase is counted, so the next phase and the job's completion come
     * after all of them. A page still missing after {@link #LAST_PAGE_WAIT} is being retried by SQS; this page then
     * fails too and comes back later, redoing only idempotent work.
     */
    private void awaitEarlierPages(String jobId, ImportChunkMessage message) {
        long deadline = System.nanoTime() + LAST_PAGE_WAIT.toNanos();
        long pause = 50;
        while (true) {
            int applied = jobs.appliedChunks(jobId, message.chainChunkPrefix());
            if (applied >= message.page()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new EarlierPagesPendingException(jobId, message.phase(), applied, message.page());
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EarlierPagesPendingException(jobId, message.phase(), applied, message.page());
            }
            pause = Math.min(1_000, pause * 2);
        }
    }

    /** Puts the page back with a delay and shows the job paused until then; it resumes by itself. */
    private void pause(ImportJob job, ImportChunkMessage message) {
        Instant now = clock.instant();
        Duration wait = config.budgetRecheck();
        int delay = (int) Math.min(ImportQueue.MAX_DELAY_SECONDS, Math.max(0, wait.toSeconds()));
        queue.send(message, delay);
        if (job.status() != ImportStatus.RUNNING) {
            jobs.markRunning(job.id(), now);
        }
        jobs.pauseForApiBudget(job.id(), now.plusSeconds(delay), now);
        LOG.infof("Import %s paused for Salesforce API budget; page %d re-checks in %d s", job.id(), message.page(),
                delay);
    }

    /**
     * Puts the page back to wait for the CRM's reset and shows the job paused until then. Not a failure: a failed
     * receive would walk the message towards the dead-letter queue, which marks the whole import FAILED.
     */
    private void pauseUntilReset(ImportJob job, ImportChunkMessage message, DailyLimitHit hit) {
        Instant now = clock.instant();
        Duration delay = limitPauses.pause(hit, "Import " + job.id() + " page " + message.page());
        queue.send(message, (int) delay.toSeconds());
        try {
            if (job.status() != ImportStatus.RUNNING) {
                jobs.markRunning(job.id(), now);
            }
            jobs.pauseForApiBudget(job.id(), hit.resetsAt(), now);
        } catch (ImportJobStateException e) {
            // another page paused it (or the job was cancelled) meanwhile: the page is queued either way
        }
    }

    private void finish(String jobId) {
        try {
            jobs.complete(jobId, clock.instant());
        } catch (ImportJobStateException e) {
            LOG.infof("Import %s not completed: it is %s", jobId, e.current());
        }
    }

    private void stopCancelled(String jobId) {
        try {
            jobs.markCancelled(jobId, clock.instant());
        } catch (ImportJobStateException e) {
            // finished meanwhile: nothing to stop
        }
    }

    /** The failure for the job's record: type and message, which carry no credentials. */
    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
