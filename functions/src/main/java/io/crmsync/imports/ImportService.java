package io.crmsync.imports;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.imports.definition.ImportDefinition;
import io.crmsync.store.ImportJob;
import io.crmsync.store.ImportJobRepository;
import io.crmsync.store.Page;
import io.crmsync.segments.ImportMarker;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Starting, reviewing, listing and cancelling imports. A definition is checked in full (object, fields, operators,
 * values, campaign) before anything is written, so a refused request leaves no job and no message behind.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    private final ImportPlanner planner;
    private final ImportMarker marker;
    private final ImportJobRepository jobs;
    private final ImportQueue queue;
    private final ObjectMapper mapper;
    private final Clock clock;

    ImportService(ImportPlanner planner, ImportMarker marker, ImportJobRepository jobs, ImportQueue queue,
            ObjectMapper mapper, Clock clock) {
        this.planner = planner;
        this.marker = marker;
        this.jobs = jobs;
        this.queue = queue;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** How many records the definition would import (one COUNT() query per Salesforce object); changes nothing. */
    public Map<String, Object> review(ImportDefinition definition) {
        ImportPlan plan = planner.plan(definition);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("object", plan.object().wireName());
        out.put("count", planner.count(plan));
        out.put("filters", definition.filters());
        return out;
    }

    /** Creates the job (QUEUED, total known) and puts its first page on the import queue. */
    public ImportJob start(ImportDefinition definition) {
        ImportPlan plan = planner.plan(definition);
        if (definition.syncToInclusionSegment()) {
            marker.prepareImport();
        }
        long total = planner.count(plan);
        String id = UUID.randomUUID().toString();
        jobs.create(id, toJson(definition), clock.instant());
        jobs.setTotal(id, total, clock.instant());
        try {
            queue.send(ImportChunkMessage.first(id));
        } catch (RuntimeException e) {
            // Without its first message the job would wait forever: say so on the job, then fail the request.
            jobs.fail(id, "The import could not be queued: " + e.getClass().getSimpleName(), clock.instant());
            throw e;
        }
        LOG.infof("Import %s of %s queued: %d records", id, plan.object().wireName(), total);
        return jobs.get(id);
    }

    public ImportView get(String id) {
        return view(jobs.get(id));
    }

    public Page<ImportView> list(Optional<String> cursor, int limit) {
        Page<ImportJob> page = jobs.list(cursor, limit);
        List<ImportView> views = page.items().stream().map(this::view).toList();
        return new Page<>(views, page.cursor());
    }

    /** Asks the workers to stop after the chunk in flight; the job turns CANCELLED when the next chunk starts. */
    public ImportView cancel(String id) {
        return view(jobs.requestCancel(id, clock.instant()));
    }

    public ImportView view(ImportJob job) {
        return ImportView.of(job, definition(job).object());
    }

    public ImportDefinition definition(ImportJob job) {
        try {
            return mapper.readValue(job.definitionJson(), ImportDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Import " + job.id() + " has an unreadable definition", e);
        }
    }

    private String toJson(ImportDefinition definition) {
        try {
            return mapper.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize an import definition", e);
        }
    }
}
