package io.crmsync.packaged;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.crmsync.infra.TemplateDefinitions;
import io.crmsync.local.EmbeddedAws;
import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;

/**
 * Everything a deployed crm-sync talks to, on this machine, for the packaged functions: the DynamoDB emulator and ElasticMQ
 * with the template's table and queues, an SSM stand-in holding the credentials as SecureStrings, and both CRM
 * sandboxes expecting exactly those credentials (a JWT signed with the private key the functions read from SSM,
 * and the HubSpot token). {@code function.zip} is unzipped once, as Lambda unzips it into {@code /var/task}.
 */
final class PackagedStack implements AutoCloseable {

    static final String SALESFORCE_CLIENT_ID = "3MVG9packaged.artifact.test";
    static final String SALESFORCE_USERNAME = "integration@example.com";
    static final String PRIVATE_KEY_PARAMETER = "/crm-sync/salesforce/private-key";
    static final String HUBSPOT_TOKEN_PARAMETER = "/crm-sync/hubspot/token";
    static final String HUBSPOT_APP_SECRET_PARAMETER = "/crm-sync/hubspot/app-secret";
    static final String HUBSPOT_APP_ID = "4242001";
    /** The HubSpot app's client secret, which signs its webhooks (a SecureString in the SSM stand-in). */
    static final String HUBSPOT_APP_SECRET = "packaged-app-secret-" + java.util.UUID.randomUUID();

    final EmbeddedAws aws;
    final AwsCallRecorder dynamoCalls;
    final AwsCallRecorder sqsCalls;
    final SsmStandIn ssm;
    final SalesforceSandbox salesforce;
    final HubSpotSandbox hubspot;
    final TemplateDefinitions template;
    final Path taskRoot;
    final String privateKeyPem;
    final String hubspotToken;
    private final List<Path> runtimeClasspath;
    private final Path runtimeJni;
    private final Path logDir;

    private PackagedStack(EmbeddedAws aws, SsmStandIn ssm, SalesforceSandbox salesforce, HubSpotSandbox hubspot,
            TemplateDefinitions template, Path taskRoot, List<Path> runtimeClasspath, Path runtimeJni, Path logDir,
            String privateKeyPem, String hubspotToken) {
        this.aws = aws;
        this.dynamoCalls = new AwsCallRecorder(aws.dynamoEndpoint());
        this.sqsCalls = new AwsCallRecorder(aws.sqsEndpoint());
        this.ssm = ssm;
        this.salesforce = salesforce;
        this.hubspot = hubspot;
        this.template = template;
        this.taskRoot = taskRoot;
        this.runtimeClasspath = runtimeClasspath;
        this.runtimeJni = runtimeJni;
        this.logDir = logDir;
        this.privateKeyPem = privateKeyPem;
        this.hubspotToken = hubspotToken;
    }

    static PackagedStack start(String name) throws IOException {
        Path target = Path.of(System.getProperty("packaged.target", "target")).toAbsolutePath();
        Path zip = target.resolve("function.zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(zip + " does not exist: the packaged-artifact test runs after "
                    + "'package' (./mvnw verify)");
        }
        Path work = target.resolve("packaged").resolve(name);
        deleteRecursively(work);
        Path taskRoot = Files.createDirectories(work.resolve("task"));
        List<String> duplicates = unzipAsLambdaDoes(zip, taskRoot);
        Path logDir = Files.createDirectories(work.resolve("logs"));

        KeyPair keys = rsaKeyPair();
        String privateKeyPem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        String hubspotToken = "hubspot-test-token-" + java.util.UUID.randomUUID();

        TemplateDefinitions template = TemplateDefinitions.load(TemplateDefinitions.locate());
        EmbeddedAws aws = EmbeddedAws.start(TemplateDefinitions.locate(), EmbeddedAws.Options.inMemoryOnFreePorts());
        SsmStandIn ssm = new SsmStandIn().put(PRIVATE_KEY_PARAMETER, privateKeyPem).put(HUBSPOT_TOKEN_PARAMETER, hubspotToken)
                .put(HUBSPOT_APP_SECRET_PARAMETER, HUBSPOT_APP_SECRET);
        SalesforceSandbox salesforce = new SalesforceSandbox(SALESFORCE_CLIENT_ID, null, SALESFORCE_USERNAME,
                keys.getPublic()).start(0);
        HubSpotSandbox hubspot = HubSpotSandbox.start(0).requireToken(hubspotToken);
        List<Path> runtimeClasspath = lambdaRuntimeClasspath();
        Path runtimeJni = extractRuntimeJni(runtimeClasspath, Files.createDirectories(work.resolve("runtime")));
        PackagedStack stack = new PackagedStack(aws, ssm, salesforce, hubspot, template, taskRoot, runtimeClasspath,
                runtimeJni, logDir, privateKeyPem, hubspotToken);
        stack.duplicateEntries.addAll(duplicates);
        return stack;
    }

    /** The function of that logical id, as the template deploys it, against this stack. */
    FunctionDeployment deployment(String logicalId) {
        Map<String, String> parameters = Map.of(
                "SalesforceLoginUrl", salesforce.baseUrl(),
                "SalesforceClientId", SALESFORCE_CLIENT_ID,
                "SalesforceUsername", SALESFORCE_USERNAME,
                "HubSpotBaseUrl", hubspot.baseUrl(),
                "HubSpotAppId", HUBSPOT_APP_ID);
        Map<String, String> physicalIds = new LinkedHashMap<>();
        physicalIds.put("Table", aws.tableName());
        for (String queue : template.logicalIdsOfType("AWS::SQS::Queue")) {
            physicalIds.put(queue, aws.queueUrl(queue));
        }
        return FunctionDeployment.of(template, logicalId, parameters, physicalIds);
    }

    /** Logical ids of every Lambda function in the template. */
    List<String> functionLogicalIds() {
        return template.logicalIdsOfType("AWS::Serverless::Function");
    }

    PackagedFunction start(String logicalId, boolean snapStart) {
        FunctionDeployment deployment = deployment(logicalId);
        return PackagedFunction.start(taskRoot, runtimeClasspath, runtimeJni, deployment,
                awsEnvironment(deployment.export()), snapStart, logDir);
    }

    /** The access key a function's role credentials carry here: one per function, so calls can be told apart. */
    static String accessKeyOf(String export) {
        return "ASIA" + export.toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * What Lambda puts in every function's environment (region, the role's temporary credentials) and, because the
     * AWS services here are stand-ins, their endpoints (DynamoDB and SQS through recorders that note who called
     * what). Nothing of crm-sync's own configuration: that comes from the template alone.
     */
    private Map<String, String> awsEnvironment(String export) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", EmbeddedAws.REGION);
        env.put("AWS_DEFAULT_REGION", EmbeddedAws.REGION);
        env.put("AWS_ACCESS_KEY_ID", accessKeyOf(export));
        env.put("AWS_SECRET_ACCESS_KEY", "packaged-test-secret");
        env.put("AWS_SESSION_TOKEN", "packaged-test-session");
        env.put("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", dynamoCalls.endpoint());
        env.put("QUARKUS_SQS_ENDPOINT_OVERRIDE", sqsCalls.endpoint());
        env.put("QUARKUS_SSM_ENDPOINT_OVERRIDE", ssm.endpoint());
        return env;
    }

    /** What the role template.yaml gives that function allows, over this stack's resources. */
    Set<RolePolicies.Grant> grants(String functionLogicalId) {
        return RolePolicies.of(template, functionLogicalId,
                queue -> { String url = aws.queueUrl(queue); return url.substring(url.lastIndexOf('/') + 1); },
                parameter -> String.valueOf(((Map<?, ?>) template.parameters().get(parameter)).get("Default")));
    }

    @Override
    public void close() {
        hubspot.close();
        salesforce.close();
        ssm.close();
        dynamoCalls.close();
        sqsCalls.close();
        aws.close();
    }

    /** The files {@code function.zip} holds more than once, found while unzipping it. */
    final List<String> duplicateEntries = new ArrayList<>();

    /**
     * Every entry of the archive, in order, into the task root (a later copy of a path overwrites an earlier one);
     * returns the files that occur twice, since which copy a Lambda extraction keeps is not defined. A directory entry
     * has no content, so one that occurs twice is not counted: Quarkus 3.34's jar writer adds {@code META-INF/} with the
     * manifest and again with the application's directories, and both extract to the same empty directory.
     */
    static List<String> unzipAsLambdaDoes(Path zip, Path taskRoot) throws IOException {
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                if (!seen.add(entry.getName()) && !entry.isDirectory()) {
                    duplicates.add(entry.getName());
                }
                Path out = taskRoot.resolve(entry.getName()).normalize();
                if (!out.startsWith(taskRoot)) {
                    throw new IllegalStateException("function.zip entry escapes the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.write(out, in.readAllBytes());
                }
            }
        }
        return duplicates;
    }

    /** The runtime interface client and its dependencies, copied by the build into target/lambda-runtime. */
    private static List<Path> lambdaRuntimeClasspath() throws IOException {
        Path dir = Path.of(System.getProperty("lambda.runtime.dir", "target/lambda-runtime"));
        try (Stream<Path> jars = Files.list(dir)) {
            List<Path> out = jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            if (out.stream().noneMatch(p -> p.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))) {
                throw new IllegalStateException("No runtime interface client in " + dir.toAbsolutePath());
            }
            return out;
        }
    }

    /**
     * The runtime interface client's native Runtime API client, unpacked once, as the managed runtime ships it in
     * /var/runtime/lib. (Left to itself, each client unpacks it to the same /tmp path, and five JVMs starting at
     * once overwrite a library another is mapping.)
     */
    private static Path extractRuntimeJni(List<Path> runtimeClasspath, Path dir) throws IOException {
        Path ric = runtimeClasspath.stream()
                .filter(p -> p.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))
                .findFirst().orElseThrow();
        Path out = dir.resolve("libaws-lambda-jni.linux-x86_64.so");
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(ric.toFile())) {
            ZipEntry entry = jar.getEntry("jni/libaws-lambda-jni.linux-x86_64.so");
            if (entry == null) {
                throw new IllegalStateException(ric + " holds no jni/libaws-lambda-jni.linux-x86_64.so");
            }
            try (var in = jar.getInputStream(entry)) {
                Files.copy(in, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return out;
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
