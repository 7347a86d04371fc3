package io.crmsync.imports.definition;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The filter operators an import accepts, and the Salesforce field types each one makes sense for. */
public enum FilterOperator {
    EQ, NEQ, LT, LTE, GT, GTE, CONTAINS, STARTS_WITH, IN, NOT_IN, IS_BLANK, IS_NOT_BLANK;

    static final Set<String> TEXT = Set.of("string", "textarea", "email", "phone", "url", "picklist", "combobox",
            "encryptedstring");
    static final Set<String> IDS = Set.of("id", "reference");
    static final Set<String> ORDERED = Set.of("int", "double", "currency", "percent", "long", "date", "datetime");

    public static Optional<FilterOperator> parse(String name) {
        return name == null ? Optional.empty()
                : Arrays.stream(values()).filter(o -> o.wireName().equals(name.toLowerCase(Locale.ROOT))).findFirst();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a filter with this operator on a field of the given type can be built: the operator applies to the type
     * and, when it takes a value, the type is one {@link FilterTranslator} can turn a value into (the wizard offers
     * only these).
     */
    public boolean usableOn(String fieldType) {
        boolean takesValue = this != IS_BLANK && this != IS_NOT_BLANK;
        boolean valueTyped = TEXT.contains(fieldType) || IDS.contains(fieldType) || ORDERED.contains(fieldType)
                || fieldType.equals("boolean");
        return appliesTo(fieldType) && (!takesValue || valueTyped);
    }

    /** Whether this operator can be applied to a field of the given describe type. */
    public boolean appliesTo(String fieldType) {
        return switch (this) {
            case EQ, NEQ -> !fieldType.equals("multipicklist") && !fieldType.equals("textarea");
            case IS_BLANK, IS_NOT_BLANK -> !fieldType.equals("boolean");
            case LT, LTE, GT, GTE -> ORDERED.contains(fieldType);
            case CONTAINS, STARTS_WITH -> TEXT.contains(fieldType) && !fieldType.equals("textarea");
            case IN, NOT_IN -> TEXT.contains(fieldType) && !fieldType.equals("textarea") || IDS.contains(fieldType)
                    || ORDERED.contains(fieldType);
        };
    }
}
