package io.crmsync.store;

import java.util.List;

/**
 * The physical layout of the single table. {@code template.yaml} must declare exactly these keys and indexes;
 * {@code TemplateContractTest} fails the build when the two drift apart.
 *
 * <p>Every item has a partition key {@value #PK} and a sort key {@value #SK}, both strings prefixed by the item kind
 * (for example {@code PAIR#contact#HS#123}). Two overloaded global secondary indexes serve the other access paths:
 * {@value #GSI1} looks a record up by its second identity (a pairing by its Salesforce id), {@value #GSI2} lists a kind
 * of item in order (import jobs newest first, open sync errors by category).
 */
public final class StoreSchema {

    public static final String PK = "pk";
    public static final String SK = "sk";

    public static final String GSI1 = "gsi1";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";

    public static final String GSI2 = "gsi2";
    public static final String GSI2_PK = "gsi2pk";
    public static final String GSI2_SK = "gsi2sk";

    /** DynamoDB's TTL attribute: epoch seconds. DynamoDB deletes lazily, so readers also compare it themselves. */
    public static final String TTL = "expiresAt";

    public static final List<Index> GLOBAL_SECONDARY_INDEXES = List.of(
            new Index(GSI1, GSI1_PK, GSI1_SK),
            new Index(GSI2, GSI2_PK, GSI2_SK));

    /** A global secondary index, projected ALL. */
    public record Index(String name, String partitionKey, String sortKey) {
    }

    private StoreSchema() {
    }
}
