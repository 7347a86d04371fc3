package io.crmsync.sync.rules;

import java.util.Objects;

import io.crmsync.store.LongValues;

/** Blank handling shared by the rules: HubSpot stores "no value" as "" and Salesforce as null; both are blank. */
public final class Values {

    private Values() {
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Equal, blank for blank; a long last synced value is stored as its digest and matches what it was made from. */
    public static boolean same(String a, String b) {
        String x = blankToNull(a);
        String y = blankToNull(b);
        return Objects.equals(x, y) || LongValues.matches(x, y) || LongValues.matches(y, x);
    }
}
