package io.crmsync.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.crmsync.infra.TemplateDefinitions;
import io.crmsync.store.StoreSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class EmbeddedAwsTest {

    private static final Path TEMPLATE = TemplateDefinitions.locate();

    @TempDir
    Path dataDir;

    @Test
    void dataDir_keepsTheTable_acrossRestarts() {
        // given a local store with a data folder, and an item written to it
        var options = new EmbeddedAws.Options(0, 0, dataDir, "crm-sync", "crm-sync", "dynamo-port", "sqs-port");
        Map<String, AttributeValue> key = Map.of(StoreSchema.PK, AttributeValue.fromS("SETTINGS#demo"),
                StoreSchema.SK, AttributeValue.fromS("DOC"));
        try (EmbeddedAws first = EmbeddedAws.start(TEMPLATE, options); var dynamo = first.newDynamoClient()) {
            dynamo.putItem(r -> r.tableName("crm-sync").item(Map.of(StoreSchema.PK, key.get(StoreSchema.PK),
                    StoreSchema.SK, key.get(StoreSchema.SK), "json", AttributeValue.fromS("{\"kept\":true}"))));
        }

        // when it starts again on the same folder
        try (EmbeddedAws second = EmbeddedAws.start(TEMPLATE, options); var dynamo = second.newDynamoClient()) {
            var item = dynamo.getItem(r -> r.tableName("crm-sync").key(key)).item();

            // then the item is still there, and the table was not recreated over it
            assertThat(item).containsEntry("json", AttributeValue.fromS("{\"kept\":true}"));
        }
    }

    @Test
    void portInUse_stopsStartUp_namingThePortAndTheSetting() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            var options = new EmbeddedAws.Options(taken.getLocalPort(), 0, null, "crm-sync", "crm-sync",
                    "crmsync.local.dynamodb-port", "crmsync.local.sqs-port");

            assertThatThrownBy(() -> EmbeddedAws.start(TEMPLATE, options))
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("already in use")
                    .hasMessageContaining("crmsync.local.dynamodb-port");
        }
    }
}
