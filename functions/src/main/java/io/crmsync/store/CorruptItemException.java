package io.crmsync.store;

/**
 * A stored item lacks an attribute or holds a value this code cannot read, e.g. after a manual edit in the console
 * or a downgrade. Names the item's key and the attribute, never the values (they may hold CRM data).
 */
public class CorruptItemException extends RuntimeException {

    public CorruptItemException(String pk, String attribute, String problem) {
        super("Item " + pk + ": attribute '" + attribute + "' " + problem);
    }
}
