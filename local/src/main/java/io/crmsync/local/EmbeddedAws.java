package io.crmsync.local;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

import io.crmsync.infra.LocalProvisioner;
import io.crmsync.infra.TemplateDefinitions;
import io.crmsync.local.dynamodb.DynamoDbEmulator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * crm-sync's DynamoDB emulator ({@link DynamoDbEmulator}) and ElasticMQ, in-process, with the table and queues of
 * template.yaml. Stands in for AWS in tests and in the local mode, where no Docker engine can run LocalStack. This
 * module is never in function.zip: this class is never loaded in a Lambda.
 */
public final class EmbeddedAws implements AutoCloseable {

    public static final String REGION = "us-east-1";

    /**
     * How to start: ports (0 = any free port), where the DynamoDB emulator keeps its data (null = in memory), the stack
     * name that names the queues, the table name, and the settings that change the ports (named in errors).
     */
    public record Options(int dynamoPort, int sqsPort, Path dataDir, String stackName, String tableName,
            String dynamoPortSetting, String sqsPortSetting) {

        public static Options inMemoryOnFreePorts() {
            return new Options(0, 0, null, "crm-sync", "crm-sync", "(free port)", "(free port)");
        }
    }

    private final DynamoDbEmulator dynamo;
    private final SQSRestServer sqs;
    private final int dynamoPort;
    private final int sqsPort;
    private final Map<String, String> queueUrls;
    private final String tableName;

    private EmbeddedAws(DynamoDbEmulator dynamo, int dynamoPort, SQSRestServer sqs, int sqsPort,
            Map<String, String> queueUrls, String tableName) {
        this.dynamo = dynamo;
        this.dynamoPort = dynamoPort;
        this.sqs = sqs;
        this.sqsPort = sqsPort;
        this.queueUrls = queueUrls;
        this.tableName = tableName;
    }

    public static EmbeddedAws start(Path templateYaml, Options options) {
        TemplateDefinitions template = TemplateDefinitions.load(templateYaml);
        int sqsPort = claim(options.sqsPort(), "ElasticMQ (SQS)", options.sqsPortSetting());
        DynamoDbEmulator dynamo = DynamoDbEmulator.start(options.dynamoPort(), options.dataDir(),
                options.dynamoPortSetting());
        int dynamoPort = dynamo.port();
        SQSRestServer sqs = null;
        try {
            sqs = SQSRestServerBuilder.withInterface("localhost").withPort(sqsPort).start();
            sqs.waitUntilStarted();
            try (DynamoDbClient dynamoClient = dynamoClient(dynamoPort); SqsClient sqsClient = sqsClient(sqsPort)) {
                LocalProvisioner.createTable(dynamoClient, template.table(), options.tableName());
                Map<String, String> urls = LocalProvisioner.createQueues(sqsClient, template.queues(options.stackName()));
                return new EmbeddedAws(dynamo, dynamoPort, sqs, sqsPort, urls, options.tableName());
            }
        } catch (RuntimeException e) {
            if (sqs != null) {
                sqs.stopAndWait();
            }
            stopQuietly(dynamo);
            throw new IllegalStateException("Could not start the DynamoDB emulator and ElasticMQ: " + e.getMessage(), e);
        }
    }

    public String dynamoEndpoint() {
        return "http://localhost:" + dynamoPort;
    }

    public String sqsEndpoint() {
        return "http://localhost:" + sqsPort;
    }

    public String tableName() {
        return tableName;
    }

    /** Queue URL by the queue's logical id in template.yaml (ImportChunksQueue, ...). */
    public String queueUrl(String logicalId) {
        String url = queueUrls.get(logicalId);
        if (url == null) {
            throw new IllegalArgumentException("No queue " + logicalId + " in template.yaml; queues: " + queueUrls.keySet());
        }
        return url;
    }

    /** Configuration that points Quarkus' DynamoDB and SQS clients here. */
    public Map<String, String> clientConfig() {
        Map<String, String> config = clientConfig(dynamoPort, sqsPort);
        config.put("crmsync.table-name", tableName);
        config.put("crmsync.queues.import-chunks-url", queueUrl("ImportChunksQueue"));
        config.put("crmsync.queues.sync-batches-url", queueUrl("SyncBatchesQueue"));
        return config;
    }

    /** Endpoint, region and static credentials of the DynamoDB and SQS clients, for servers on these ports. */
    public static Map<String, String> clientConfig(int dynamoPort, int sqsPort) {
        Map<String, String> config = new java.util.HashMap<>();
        for (String service : List.of("dynamodb", "sqs")) {
            int port = service.equals("dynamodb") ? dynamoPort : sqsPort;
            config.put("quarkus." + service + ".endpoint-override", "http://localhost:" + port);
            config.put("quarkus." + service + ".aws.region", REGION);
            config.put("quarkus." + service + ".aws.credentials.type", "static");
            config.put("quarkus." + service + ".aws.credentials.static-provider.access-key-id", "local");
            config.put("quarkus." + service + ".aws.credentials.static-provider.secret-access-key", "local");
        }
        return config;
    }

    public DynamoDbClient newDynamoClient() {
        return dynamoClient(dynamoPort);
    }

    public SqsClient newSqsClient() {
        return sqsClient(sqsPort);
    }

    @Override
    public void close() {
        sqs.stopAndWait();
        stopQuietly(dynamo);
    }

    /** A free port when asked for 0; otherwise checks the port is free, naming the setting that changes it. */
    private static int claim(int port, String what, String setting) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("localhost", port));
            return socket.getLocalPort();
        } catch (BindException e) {
            throw new IllegalStateException("Cannot start " + what + " on port " + port
                    + ": the port is already in use. Stop what holds it or set " + setting + " to another port.");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open a port for " + what + ": " + e, e);
        }
    }

    private static void stopQuietly(DynamoDbEmulator server) {
        try {
            server.close();
        } catch (Exception ignored) {
            // already failing; the original error is the one worth reporting
        }
    }

    private static DynamoDbClient dynamoClient(int port) {
        return DynamoDbClient.builder().endpointOverride(URI.create("http://localhost:" + port))
                .region(Region.of(REGION)).credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static SqsClient sqsClient(int port) {
        return SqsClient.builder().endpointOverride(URI.create("http://localhost:" + port))
                .region(Region.of(REGION)).credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }
}
