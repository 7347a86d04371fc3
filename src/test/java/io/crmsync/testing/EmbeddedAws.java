package io.crmsync.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;

import io.crmsync.infra.LocalProvisioner;
import io.crmsync.infra.TemplateDefinitions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Amazon's DynamoDB Local and ElasticMQ, in-process on free ports, with the table and queues of template.yaml.
 * Stands in for AWS where no Docker engine can run LocalStack.
 */
public final class EmbeddedAws implements AutoCloseable {

    public static final String REGION = "us-east-1";
    public static final String STACK_NAME = "crm-sync";
    public static final String TABLE_NAME = "crm-sync";

    private final DynamoDBProxyServer dynamo;
    private final SQSRestServer sqs;
    private final int dynamoPort;
    private final int sqsPort;
    private final Map<String, String> queueUrls;

    private EmbeddedAws(DynamoDBProxyServer dynamo, int dynamoPort, SQSRestServer sqs, int sqsPort,
            Map<String, String> queueUrls) {
        this.dynamo = dynamo;
        this.dynamoPort = dynamoPort;
        this.sqs = sqs;
        this.sqsPort = sqsPort;
        this.queueUrls = queueUrls;
    }

    public static EmbeddedAws start(Path templateYaml) {
        try {
            int dynamoPort = freePort();
            DynamoDBProxyServer dynamo = ServerRunner.createServerFromCommandLineArgs(
                    new String[] { "-inMemory", "-port", String.valueOf(dynamoPort) });
            dynamo.start();
            SQSRestServer sqs = SQSRestServerBuilder.withInterface("localhost").withDynamicPort().start();
            int sqsPort = sqs.waitUntilStarted().localAddress().getPort();

            TemplateDefinitions template = TemplateDefinitions.load(templateYaml);
            try (DynamoDbClient dynamoClient = dynamoClient(dynamoPort); SqsClient sqsClient = sqsClient(sqsPort)) {
                LocalProvisioner.createTable(dynamoClient, template.table(), TABLE_NAME);
                Map<String, String> urls = LocalProvisioner.createQueues(sqsClient, template.queues(STACK_NAME));
                return new EmbeddedAws(dynamo, dynamoPort, sqs, sqsPort, urls);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not start DynamoDB Local and ElasticMQ: " + e, e);
        }
    }

    public String dynamoEndpoint() {
        return "http://localhost:" + dynamoPort;
    }

    public String sqsEndpoint() {
        return "http://localhost:" + sqsPort;
    }

    /** Queue URL by the queue's logical id in template.yaml (ImportChunksQueue, ...). */
    public String queueUrl(String logicalId) {
        String url = queueUrls.get(logicalId);
        if (url == null) {
            throw new IllegalArgumentException("No queue " + logicalId + " in template.yaml; queues: " + queueUrls.keySet());
        }
        return url;
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
        try {
            dynamo.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop DynamoDB Local", e);
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
