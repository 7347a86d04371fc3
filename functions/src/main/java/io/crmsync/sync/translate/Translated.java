package io.crmsync.sync.translate;

/**
 * A value carried into the other CRM's vocabulary, or why it cannot be: {@code problem} is a Sync Health message that
 * names the value and says how to make it translatable (map it, add the person, ...).
 */
public record Translated(String value, String problem) {

    public static Translated of(String value) {
        return new Translated(value, null);
    }

    public static Translated untranslatable(String problem) {
        return new Translated(null, problem);
    }

    public boolean ok() {
        return problem == null;
    }
}
