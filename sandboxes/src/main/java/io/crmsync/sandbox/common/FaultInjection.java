package io.crmsync.sandbox.common;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Faults a sandbox can be told to inject, for tests of failure handling: added latency on every call, a rate of
 * 5xx answers, and a specific error (of the sandbox's own error type {@code E}) for the next N calls.
 * A sandbox consults {@link #nextFault()} before serving each request.
 */
public final class FaultInjection<E> {

    private volatile Duration latency = Duration.ZERO;
    private final Map<String, Duration> latencyByKind = new ConcurrentHashMap<>();
    private volatile double serverErrorRate;
    private final AtomicReference<E> scriptedError = new AtomicReference<>();
    private final AtomicInteger scriptedRemaining = new AtomicInteger();
    /** Path fragment the scripted error is limited to; null: every path. */
    private String scriptedPath;
    /** Path fragment whose next answers are lost, and how many. */
    private String lostAnswerPath;
    private String droppedResultPath;
    private int droppedResultsRemaining;
    private int lostAnswersRemaining;

    public void latency(Duration latency) {
        this.latency = latency;
    }

    public Duration latency() {
        return latency;
    }

    /**
     * Latency for one kind of call only, overriding {@link #latency(Duration)} for it: real APIs answer a 2,000-row
     * query page far slower than a single-record call. Which kinds exist is the sandbox's to say.
     */
    public void latency(String kind, Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, was " + latency);
        }
        latencyByKind.put(kind, latency);
    }

    /** The latency a call of {@code kind} gets. */
    public Duration latency(String kind) {
        return latencyByKind.getOrDefault(kind, latency);
    }

    /** A share of calls, between 0 and 1, answered with a 5xx. */
    public void serverErrorRate(double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("rate must be between 0 and 1, was " + rate);
        }
        this.serverErrorRate = rate;
    }

    /** The next {@code calls} calls fail with {@code error}, then the sandbox behaves again. */
    public synchronized void failNext(int calls, E error) {
        failNext(calls, error, null);
    }

    /**
     * The next {@code calls} requests whose path contains {@code pathContains} (every request when null) fail with
     * {@code error}; requests on other paths are served as usual, e.g. 429s on the batch writes only.
     */
    public synchronized void failNext(int calls, E error, String pathContains) {
        scriptedError.set(error);
        scriptedRemaining.set(calls);
        scriptedPath = pathContains == null || pathContains.isEmpty() ? null : pathContains;
    }

    /**
     * The next {@code calls} requests whose path contains {@code pathContains} are served (their writes happen) but
     * their answer is lost: the caller gets a 504 as from a gateway that timed out after the work was committed.
     */
    public synchronized void loseNextAnswers(int calls, String pathContains) {
        if (calls < 0 || pathContains == null || pathContains.isEmpty()) {
            throw new IllegalArgumentException("calls must be >= 0 and pathContains non-empty");
        }
        lostAnswerPath = pathContains;
        lostAnswersRemaining = calls;
    }

    /**
     * The next {@code calls} batch answers (those with a {@code results} array, as HubSpot's) on paths containing
     * {@code pathContains} leave their last result out: the write happens, but the answer names that input neither
     * among its results nor among its errors, as a truncated or partial answer would.
     */
    public synchronized void dropLastResultOfNext(int calls, String pathContains) {
        if (calls < 0 || pathContains == null || pathContains.isEmpty()) {
            throw new IllegalArgumentException("calls must be >= 0 and path non-empty");
        }
        droppedResultPath = pathContains;
        droppedResultsRemaining = calls;
    }

    /** Whether the batch answer to a request on {@code path} is to lose its last result (counts it if so). */
    public synchronized boolean dropResult(String path) {
        if (droppedResultsRemaining > 0 && path != null && path.contains(droppedResultPath)) {
            droppedResultsRemaining--;
            return true;
        }
        return false;
    }

    /** Whether the answer to a request on {@code path}, now served, is to be lost (counts it if so). */
    public synchronized boolean loseAnswer(String path) {
        if (lostAnswersRemaining > 0 && path != null && path.contains(lostAnswerPath)) {
            lostAnswersRemaining--;
            return true;
        }
        return false;
    }

    public synchronized void clear() {
        droppedResultPath = null;
        droppedResultsRemaining = 0;
        lostAnswerPath = null;
        lostAnswersRemaining = 0;
        latency = Duration.ZERO;
        latencyByKind.clear();
        serverErrorRate = 0;
        scriptedError.set(null);
        scriptedRemaining.set(0);
        scriptedPath = null;
    }

    /** What to do with the request about to be served, whatever its path. */
    public synchronized Fault<E> nextFault() {
        return nextFault(null);
    }

    /** What to do with the request about to be served on {@code path}. */
    public synchronized Fault<E> nextFault(String path) {
        boolean scriptedHere = scriptedPath == null || path != null && path.contains(scriptedPath);
        if (scriptedRemaining.get() > 0 && scriptedHere) {
            scriptedRemaining.decrementAndGet();
            return new Fault<>(scriptedError.get(), false);
        }
        if (serverErrorRate > 0 && ThreadLocalRandom.current().nextDouble() < serverErrorRate) {
            return new Fault<>(null, true);
        }
        return null;
    }

    /** Either a scripted error or a generic server error. */
    public record Fault<E>(E scripted, boolean serverError) {
    }
}
