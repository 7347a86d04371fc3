package io.crmsync.sandbox.salesforce.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The org's daily API request allocation. Every data-API request spends one; when it is spent the API answers
 * 403 REQUEST_LIMIT_EXCEEDED until the limit is raised or usage reset (the sandbox has no rolling 24 h window:
 * tests control it directly).
 */
public final class ApiBudget {

    public static final long DEFAULT_DAILY_LIMIT = 100_000;

    private final AtomicLong used = new AtomicLong();
    private volatile long dailyLimit = DEFAULT_DAILY_LIMIT;

    /** Spends one call; false when the allocation is already used up. */
    public boolean trySpend() {
        while (true) {
            long current = used.get();
            if (current >= dailyLimit) {
                return false;
            }
            if (used.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    public long used() {
        return used.get();
    }

    public long dailyLimit() {
        return dailyLimit;
    }

    public void setDailyLimit(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("daily limit must not be negative, was " + limit);
        }
        this.dailyLimit = limit;
    }

    public long remaining() {
        return Math.max(0, dailyLimit - used.get());
    }

    /** Uses up the allocation: the next data call answers REQUEST_LIMIT_EXCEEDED. */
    public void exhaust() {
        used.set(dailyLimit);
    }

    public void reset() {
        used.set(0);
        dailyLimit = DEFAULT_DAILY_LIMIT;
    }

    public String limitInfoHeader() {
        return "api-usage=" + Math.min(used.get(), dailyLimit) + "/" + dailyLimit;
    }
}
