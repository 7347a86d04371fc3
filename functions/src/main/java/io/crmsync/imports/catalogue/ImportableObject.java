package io.crmsync.imports.catalogue;

import java.util.Arrays;
import java.util.Optional;

/** The objects an import can read, by the name used in the import definition's {@code object}. */
public enum ImportableObject {
    LEADS("leads"),
    CONTACTS("contacts"),
    LEADS_AND_CONTACTS("leads_and_contacts"),
    ACCOUNTS("accounts"),
    OPPORTUNITIES("opportunities"),
    TASKS("tasks"),
    CAMPAIGN("campaign"),
    CASES("cases"),
    EVENTS("events"),
    CUSTOM("custom");

    private final String wireName;

    ImportableObject(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ImportableObject> parse(String name) {
        return Arrays.stream(values()).filter(o -> o.wireName.equals(name)).findFirst();
    }

    public static String known() {
        return Arrays.stream(values()).map(ImportableObject::wireName).toList().toString();
    }
}
