package io.crmsync.sandbox.salesforce.soql;

/**
 * A query the sandbox refuses, with the error code and message layout of the real API
 * ({@code MALFORMED_QUERY}, {@code INVALID_FIELD}, {@code INVALID_TYPE}).
 */
public final class SoqlException extends RuntimeException {

    private final String errorCode;

    public SoqlException(String errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }

    /** Salesforce's layout: the query, a caret under the offending column, then the reason. */
    static SoqlException at(String errorCode, String soql, int offset, String reason) {
        int row = 1;
        int lineStart = 0;
        for (int i = 0; i < Math.min(offset, soql.length()); i++) {
            if (soql.charAt(i) == '\n') {
                row++;
                lineStart = i + 1;
            }
        }
        int column = offset - lineStart + 1;
        int lineEnd = soql.indexOf('\n', lineStart);
        String line = soql.substring(lineStart, lineEnd < 0 ? soql.length() : lineEnd);
        String message = "\n" + line + "\n" + " ".repeat(Math.max(0, column - 1)) + "^\nERROR at Row:" + row
                + ":Column:" + column + "\n" + reason;
        return new SoqlException(errorCode, message);
    }
}
