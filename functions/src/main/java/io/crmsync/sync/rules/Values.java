package io.crmsync.sync.rules;

import java.util.Objects;

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

    public static boolean same(String a, String b) {
        return Objects.equals(blankToNull(a), blankToNull(b));
    }
}
