package io.crmsync.imports;

/**
 * The last page of an import phase is done, but pages before it (which run in parallel) are not counted yet, so the
 * phase cannot end. Thrown to let SQS deliver the last page again later; by then the earlier pages were done or retried.
 */
public class EarlierPagesPendingException extends RuntimeException {

    public EarlierPagesPendingException(String importId, int phase, int applied, int expected) {
        super("Import " + importId + " phase " + phase + ": " + applied + " of " + expected
                + " pages are done; the phase ends once the others are (they are running or being retried)");
    }
}
