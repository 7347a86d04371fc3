package io.crmsync.sync.poll;

import java.util.List;

/**
 * The changes one read found, oldest first, and whether it reached the end ({@code complete}) or stopped at its
 * budget; then {@link #checkpoint()} is where the next poll resumes.
 */
public record ChangeRead(List<Change> changes, boolean complete, int pages, ReadStart next) {

    public ChangeRead {
        changes = List.copyOf(changes);
    }

    /** The checkpoint of a read that stopped at its budget: where the next poll resumes. */
    public ReadStart checkpoint() {
        if (complete) {
            throw new IllegalStateException("A complete read has no checkpoint");
        }
        return next;
    }
}
