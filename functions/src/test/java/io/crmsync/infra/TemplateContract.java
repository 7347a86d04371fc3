package io.crmsync.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;

import io.crmsync.store.StoreSchema;

/**
 * The rules template.yaml must keep, as a list of violations (empty = deployable as the code expects). Kept apart
 * from the test so the test can also prove each rule fires on a broken template.
 */
final class TemplateContract {

    private static final DotName FUNQ = DotName.createSimple("io.quarkus.funqy.Funq");

    private TemplateContract() {
    }

    static List<String> violations(TemplateDefinitions template, Set<String> funqNames) {
        List<String> out = new ArrayList<>();
        checkFunctions(template, funqNames, out);
        checkQueues(template, out);
        checkTable(template, out);
        checkSecrets(template, out);
        checkFunctionAlarms(template, out);
        checkConsoleRoutes(template, out);
        return out;
    }

    /** The only routes a browser may call without a token: the console's files. */
    /** The route HubSpot posts webhooks to, outside IAM: its requests carry HubSpot's v3 signature instead. */
    static final String WEBHOOK_PATH = io.crmsync.events.hubspot.WebhookRoutes.PATH;

    static final Set<String> PUBLIC_CONSOLE_ROUTES = Set.of("GET /console", "GET /console/{proxy+}");

    /**
     * Routes of HTTP APIs declared as AWS::ApiGatewayV2 resources (the console API): the console's files are public,
     * every other route needs a JWT authorizer that checks the issuer and audience the template's parameters name.
     */
    private static void checkConsoleRoutes(TemplateDefinitions t, List<String> out) {
        for (String route : t.logicalIdsOfType("AWS::ApiGatewayV2::Route")) {
            Map<String, Object> p = t.properties(route);
            String key = String.valueOf(p.get("RouteKey"));
            String type = String.valueOf(p.get("AuthorizationType"));
            if (PUBLIC_CONSOLE_ROUTES.contains(key)) {
                continue;
            }
            if (!"JWT".equals(type)) {
                out.add(route + ": route '" + key + "' is not protected (AuthorizationType " + type + ")");
                continue;
            }
            String authorizer = referencedId(p.get("AuthorizerId"));
            Map<String, Object> a = authorizer == null ? Map.of() : t.properties(authorizer);
            String jwt = String.valueOf(a.get("JwtConfiguration"));
            if (!"JWT".equals(a.get("AuthorizerType")) || !jwt.contains("Issuer={Ref=ConsoleIssuer}")
                    || !jwt.contains("Audience=[{Ref=ConsoleAudience}]")) {
                out.add(route + ": route '" + key + "' needs a JWT authorizer checking ConsoleIssuer and "
                        + "ConsoleAudience, found " + a);
            }
        }
    }

    /** Names of every {@code @Funq} in the compiled application classes. */
    static Set<String> funqNames(Path classesDir) {
        Indexer indexer = new Indexer();
        try (Stream<Path> files = Files.walk(classesDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    indexer.index(in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Index index = indexer.complete();
        Set<String> names = new HashSet<>();
        for (AnnotationInstance funq : index.getAnnotations(FUNQ)) {
            AnnotationValue value = funq.value();
            names.add(value != null && !value.asString().isEmpty() ? value.asString() : funq.target().asMethod().name());
        }
        return names;
    }

    private static void checkFunctions(TemplateDefinitions t, Set<String> funqNames, List<String> out) {
        Set<String> exported = new HashSet<>();
        for (String id : t.logicalIdsOfType("AWS::Serverless::Function")) {
            Map<String, Object> p = t.properties(id);
            Object export = variables(p).get("QUARKUS_FUNQY_EXPORT");
            if (!(export instanceof String name) || !funqNames.contains(name)) {
                out.add(id + ": QUARKUS_FUNQY_EXPORT '" + export + "' names no @Funq (known: " + funqNames + ")");
                continue;
            }
            exported.add(name);
            int timeout = Integer.parseInt(String.valueOf(p.getOrDefault("Timeout", 3)));
            Map<String, Object> events = p.get("Events") == null ? Map.of() : TemplateDefinitions.map(p.get("Events"), id);
            events.forEach((eventName, e) -> checkEvent(t, id, timeout, eventName,
                    TemplateDefinitions.map(e, eventName), out));
        }
        Set<String> notDeployed = new HashSet<>(funqNames);
        notDeployed.removeAll(exported);
        if (!notDeployed.isEmpty()) {
            out.add("@Funq functions deployed by no Lambda in template.yaml: " + notDeployed);
        }
    }

    private static void checkEvent(TemplateDefinitions t, String fn, int timeout, String name, Map<String, Object> e,
            List<String> out) {
        Map<String, Object> p = e.get("Properties") == null ? Map.of() : TemplateDefinitions.map(e.get("Properties"), name);
        switch (String.valueOf(e.get("Type"))) {
            case "SQS" -> {
                if (!String.valueOf(p.get("FunctionResponseTypes")).contains("ReportBatchItemFailures")) {
                    out.add(fn + "." + name + ": SQS event source lacks FunctionResponseTypes [ReportBatchItemFailures]");
                }
                Object scaling = p.get("ScalingConfig");
                if (!(scaling instanceof Map<?, ?> s) || s.get("MaximumConcurrency") == null) {
                    out.add(fn + "." + name + ": SQS event source has no ScalingConfig.MaximumConcurrency bound");
                }
                String queueId = referencedId(p.get("Queue"));
                QueueDefinition queue = t.queues("stack").stream().filter(q -> q.logicalId().equals(queueId))
                        .findFirst().orElse(null);
                if (queue == null) {
                    out.add(fn + "." + name + ": consumes " + p.get("Queue") + ", which is not a queue in the template");
                } else if (queue.visibilityTimeoutSeconds() < 6 * timeout) {
                    out.add(queue.logicalId() + ": visibility timeout " + queue.visibilityTimeoutSeconds()
                            + " s is below 6x the timeout of its consumer " + fn + " (" + timeout + " s)");
                }
            }
            case "HttpApi" -> {
                Object auth = p.get("Auth");
                boolean iam = auth instanceof Map<?, ?> a && "AWS_IAM".equals(a.get("Authorizer"));
                String apiId = referencedId(p.get("ApiId"));
                boolean defaultIam = apiId != null && String.valueOf(t.properties(apiId).get("Auth"))
                        .contains("DefaultAuthorizer=AWS_IAM");
                // The one exception: HubSpot cannot sign SigV4, so its webhook route is authenticated by the v3
                // signature the api function checks (WebhookRoutes); no other route may go without IAM.
                boolean webhook = auth instanceof Map<?, ?> a && "NONE".equals(a.get("Authorizer"))
                        && WEBHOOK_PATH.equals(p.get("Path")) && "POST".equals(p.get("Method"))
                        && "ApiFunction".equals(fn);
                if (!iam && !(auth == null && defaultIam) && !webhook) {
                    out.add(fn + "." + name + ": HTTP route is not protected by IAM authorization");
                }
            }
            case "Schedule", "ScheduleV2" -> {
                if (!"rate(15 minutes)".equals(p.get("Schedule")) && !"rate(15 minutes)".equals(p.get("ScheduleExpression"))) {
                    out.add(fn + "." + name + ": the poller must run on rate(15 minutes), found " + p);
                }
            }
            default -> out.add(fn + "." + name + ": unexpected event type " + e.get("Type"));
        }
    }

    private static void checkQueues(TemplateDefinitions t, List<String> out) {
        List<QueueDefinition> queues = t.queues("stack");
        Set<String> deadLetterQueues = new HashSet<>();
        queues.forEach(q -> {
            if (q.deadLetterQueue() != null) {
                deadLetterQueues.add(q.deadLetterQueue());
            }
        });
        Set<String> consumed = consumedQueues(t);
        for (QueueDefinition q : queues) {
            if (deadLetterQueues.contains(q.logicalId())) {
                // A dead-letter queue may be consumed (e.g. to mark an import FAILED) and needs no DLQ of its own, but
                // then its depth stays near zero: its alarm must count messages received instead.
                String metric = consumed.contains(q.logicalId()) ? "NumberOfMessagesReceived" : null;
                boolean alarmed = t.logicalIdsOfType("AWS::CloudWatch::Alarm").stream()
                        .filter(a -> metric == null || metric.equals(t.properties(a).get("MetricName")))
                        .anyMatch(a -> String.valueOf(t.properties(a).get("Dimensions")).contains(q.logicalId()));
                if (!alarmed) {
                    out.add(q.logicalId() + (metric == null ? ": dead-letter queue without a CloudWatch alarm on its depth"
                            : ": consumed dead-letter queue without a CloudWatch alarm on " + metric));
                }
            } else if (q.deadLetterQueue() == null) {
                out.add(q.logicalId() + ": queue has no dead-letter queue (RedrivePolicy)");
            }
        }
    }

    private static Set<String> consumedQueues(TemplateDefinitions t) {
        Set<String> consumed = new HashSet<>();
        for (String id : t.logicalIdsOfType("AWS::Serverless::Function")) {
            Object events = t.properties(id).get("Events");
            if (events instanceof Map<?, ?> all) {
                for (Object e : all.values()) {
                    if (e instanceof Map<?, ?> event && "SQS".equals(event.get("Type"))
                            && event.get("Properties") instanceof Map<?, ?> p) {
                        String queue = referencedId(p.get("Queue"));
                        if (queue != null) {
                            consumed.add(queue);
                        }
                    }
                }
            }
        }
        return consumed;
    }

    private static void checkTable(TemplateDefinitions t, List<String> out) {
        TableDefinition table = t.table();
        if (!new TableDefinition.Key(StoreSchema.PK, StoreSchema.SK).equals(table.primaryKey())) {
            out.add("Table key " + table.primaryKey() + " differs from the store's (" + StoreSchema.PK + ", "
                    + StoreSchema.SK + ")");
        }
        List<TableDefinition.Index> expected = StoreSchema.GLOBAL_SECONDARY_INDEXES.stream()
                .map(i -> new TableDefinition.Index(i.name(), new TableDefinition.Key(i.partitionKey(), i.sortKey()), "ALL"))
                .toList();
        if (!new HashSet<>(expected).equals(new HashSet<>(table.globalSecondaryIndexes()))) {
            out.add("Table indexes " + table.globalSecondaryIndexes() + " differ from the store's " + expected);
        }
        if (!StoreSchema.TTL.equals(table.ttlAttribute())) {
            out.add("Table TTL attribute is " + table.ttlAttribute() + ", the store writes " + StoreSchema.TTL);
        }
        if (!"PAY_PER_REQUEST".equals(table.billingMode()) || !table.pointInTimeRecovery()) {
            out.add("Table must be on-demand (PAY_PER_REQUEST) with point-in-time recovery on");
        }
    }

    /**
     * Every function alarms on its errors and throttles, and a scheduled function on a duration near its timeout:
     * a silent failure of a serverless sync is data not moving.
     */
    private static void checkFunctionAlarms(TemplateDefinitions t, List<String> out) {
        List<Map<String, Object>> lambdaAlarms = t.logicalIdsOfType("AWS::CloudWatch::Alarm").stream()
                .map(t::properties).filter(a -> "AWS/Lambda".equals(a.get("Namespace"))).toList();
        for (String fn : t.logicalIdsOfType("AWS::Serverless::Function")) {
            for (String metric : List.of("Errors", "Throttles")) {
                if (lambdaAlarms.stream().noneMatch(a -> metric.equals(a.get("MetricName")) && alarmsOn(a, fn))) {
                    out.add(fn + ": no CloudWatch alarm on its " + metric);
                }
            }
            if (String.valueOf(t.properties(fn).get("Events")).contains("Type=Schedule")) {
                long timeoutMs = 1000L * Integer.parseInt(String.valueOf(t.properties(fn).getOrDefault("Timeout", 3)));
                boolean nearTimeout = lambdaAlarms.stream().anyMatch(a -> "Duration".equals(a.get("MetricName"))
                        && alarmsOn(a, fn) && a.get("Threshold") instanceof Number n && n.longValue() < timeoutMs);
                if (!nearTimeout) {
                    out.add(fn + ": scheduled, but no Duration alarm with a threshold below its timeout (" + timeoutMs
                            + " ms)");
                }
            }
        }
    }

    private static boolean alarmsOn(Map<String, Object> alarm, String functionLogicalId) {
        return alarm.get("Dimensions") instanceof List<?> dimensions && dimensions.stream()
                .anyMatch(d -> d instanceof Map<?, ?> m && "FunctionName".equals(m.get("Name"))
                        && functionLogicalId.equals(referencedId(m.get("Value"))));
    }

    /** Credentials come from SSM SecureString parameters: environment values only ever name parameters. */
    private static void checkSecrets(TemplateDefinitions t, List<String> out) {
        Map<String, Object> variables = new java.util.HashMap<>(variables(TemplateDefinitions.map(
                t.globals().getOrDefault("Function", Map.of()), "Globals.Function")));
        for (String id : t.logicalIdsOfType("AWS::Serverless::Function")) {
            variables.putAll(variables(t.properties(id)));
        }
        variables.forEach((name, value) -> {
            boolean secretLike = name.matches(".*(SECRET|TOKEN|PASSWORD|PRIVATE_KEY).*");
            if (secretLike && !name.endsWith("_PARAMETER")) {
                out.add("Environment variable " + name + " carries a credential; pass an SSM parameter name (*_PARAMETER)");
            }
            if (String.valueOf(value).contains("{{resolve:")) {
                out.add("Environment variable " + name + " resolves a secret into plain configuration");
            }
        });
    }

    private static Map<String, Object> variables(Map<String, Object> functionProperties) {
        Object env = functionProperties.get("Environment");
        if (!(env instanceof Map<?, ?> e) || !(e.get("Variables") instanceof Map<?, ?>)) {
            return Map.of();
        }
        return TemplateDefinitions.map(e.get("Variables"), "Environment.Variables");
    }

    private static String referencedId(Object value) {
        if (value instanceof Map<?, ?> fn) {
            if (fn.get("Ref") instanceof String ref) {
                return ref;
            }
            if (fn.get("Fn::GetAtt") instanceof List<?> getAtt) {
                return String.valueOf(getAtt.get(0));
            }
        }
        return null;
    }
}
