package io.crmsync.sandbox.salesforce.schema;

/** The Salesforce field types the sandbox models, with the names and SOAP types {@code describe} reports. */
public enum FieldType {
    ID("id", "tns:ID"),
    STRING("string", "xsd:string"),
    TEXTAREA("textarea", "xsd:string"),
    EMAIL("email", "xsd:string"),
    PHONE("phone", "xsd:string"),
    URL("url", "xsd:string"),
    PICKLIST("picklist", "xsd:string"),
    REFERENCE("reference", "tns:ID"),
    BOOLEAN("boolean", "xsd:boolean"),
    INT("int", "xsd:int"),
    DOUBLE("double", "xsd:double"),
    CURRENCY("currency", "xsd:double"),
    PERCENT("percent", "xsd:double"),
    DATE("date", "xsd:date"),
    DATETIME("datetime", "xsd:dateTime");

    private final String apiName;
    private final String soapType;

    FieldType(String apiName, String soapType) {
        this.apiName = apiName;
        this.soapType = soapType;
    }

    public String apiName() {
        return apiName;
    }

    public String soapType() {
        return soapType;
    }

    /** Compared and filtered as text (quoted literals). */
    public boolean isText() {
        return switch (this) {
            case ID, STRING, TEXTAREA, EMAIL, PHONE, URL, PICKLIST, REFERENCE -> true;
            default -> false;
        };
    }

    public boolean isNumeric() {
        return this == INT || this == DOUBLE || this == CURRENCY || this == PERCENT;
    }

    /** Ids compare case-sensitively (15-character Ids differ only by case); other text compares ignoring case. */
    public boolean isIdLike() {
        return this == ID || this == REFERENCE;
    }
}
