package io.crmsync.salesforce.soql;

/**
 * A LIKE pattern whose user-supplied parts are matched literally: {@code %} and {@code _} in the value are escaped,
 * only the wildcards these factories add are live. The constructor is private so no raw pattern text gets in.
 */
public final class LikePattern {

    private final String body;

    private LikePattern(String body) {
        this.body = body;
    }

    public static LikePattern contains(String value) {
        return new LikePattern("%" + SoqlEscaper.likeLiteral(value) + "%");
    }

    public static LikePattern startsWith(String value) {
        return new LikePattern(SoqlEscaper.likeLiteral(value) + "%");
    }

    public static LikePattern endsWith(String value) {
        return new LikePattern("%" + SoqlEscaper.likeLiteral(value));
    }

    /** Equality ignoring case, through LIKE. */
    public static LikePattern exactly(String value) {
        return new LikePattern(SoqlEscaper.likeLiteral(value));
    }

    String render() {
        return "'" + body + "'";
    }

    @Override
    public String toString() {
        return render();
    }
}
