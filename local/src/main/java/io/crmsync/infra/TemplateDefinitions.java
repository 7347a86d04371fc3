package io.crmsync.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deployable resources that tests and the local mode recreate, read from {@code template.yaml} so that the table
 * and queues they run against are the ones AWS would create: one source of truth for both.
 */
public final class TemplateDefinitions {

    private final Map<String, Object> template;

    private TemplateDefinitions(Map<String, Object> template) {
        this.template = template;
    }

    public static TemplateDefinitions load(Path templateYaml) {
        return new TemplateDefinitions(CloudFormationYaml.read(templateYaml));
    }

    /** The repository's {@code template.yaml}, wherever in the repository the process runs. */
    public static Path locate() {
        return locate("template.yaml");
    }

    /**
     * {@code path} itself when it exists or is absolute; otherwise the nearest file of that relative path in the
     * working directory or one of its parents, so that the root's template is found from the module a build or
     * {@code quarkus:dev} runs in.
     */
    public static Path locate(String path) {
        Path given = Path.of(path);
        if (given.isAbsolute() || Files.exists(given)) {
            return given;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(path);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No " + path + " in " + Path.of("").toAbsolutePath()
                + " or any folder above it; set crmsync.local.template to the SAM template's path.");
    }

    /** All resources by logical id, in template order, with intrinsic functions in their long form. */
    public Map<String, Map<String, Object>> resources() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        map(template.get("Resources"), "Resources").forEach((id, r) -> out.put(id, map(r, id)));
        return out;
    }

    /** The template's parameters by name, each with its Type, Default, AllowedValues and Description. */
    public Map<String, Object> parameters() {
        Object parameters = template.get("Parameters");
        return parameters == null ? Map.of() : map(parameters, "Parameters");
    }

    public Map<String, Object> globals() {
        Object globals = template.get("Globals");
        return globals == null ? Map.of() : map(globals, "Globals");
    }

    public List<String> logicalIdsOfType(String type) {
        return resources().entrySet().stream().filter(e -> type.equals(e.getValue().get("Type")))
                .map(Map.Entry::getKey).toList();
    }

    public Map<String, Object> properties(String logicalId) {
        Map<String, Object> resource = resources().get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("template.yaml has no resource " + logicalId);
        }
        return map(resource.getOrDefault("Properties", Map.of()), logicalId + ".Properties");
    }

    /** The one DynamoDB table. */
    public TableDefinition table() {
        List<String> tables = logicalIdsOfType("AWS::DynamoDB::Table");
        if (tables.size() != 1) {
            throw new IllegalStateException("Expected exactly one AWS::DynamoDB::Table in template.yaml, found " + tables);
        }
        return TableDefinition.from(properties(tables.get(0)));
    }

    /** Every SQS queue, dead-letter queues included, with their names resolved for {@code stackName}. */
    public List<QueueDefinition> queues(String stackName) {
        List<QueueDefinition> queues = new ArrayList<>();
        for (String id : logicalIdsOfType("AWS::SQS::Queue")) {
            queues.add(QueueDefinition.from(id, properties(id), stackName));
        }
        return queues;
    }

    /** The SQS and schedule triggers of every function. */
    public List<EventSourceDefinition> eventSources() {
        List<EventSourceDefinition> sources = new ArrayList<>();
        for (String id : logicalIdsOfType("AWS::Serverless::Function")) {
            Map<String, Object> p = properties(id);
            Object env = p.get("Environment");
            Object export = env instanceof Map<?, ?> e && e.get("Variables") instanceof Map<?, ?> v
                    ? v.get("QUARKUS_FUNQY_EXPORT") : null;
            int timeout = Integer.parseInt(String.valueOf(p.getOrDefault("Timeout", 3)));
            Map<String, Object> events = p.get("Events") == null ? Map.of() : map(p.get("Events"), id + ".Events");
            for (Object event : events.values()) {
                Map<String, Object> e = map(event, id + ".Events");
                Map<String, Object> ep = e.get("Properties") == null ? Map.of() : map(e.get("Properties"), id);
                String type = String.valueOf(e.get("Type"));
                String queue = ep.get("Queue") instanceof Map<?, ?> q && q.get("Fn::GetAtt") instanceof List<?> att
                        ? String.valueOf(att.get(0)) : null;
                int batchSize = ep.get("BatchSize") == null ? 10 : Integer.parseInt(String.valueOf(ep.get("BatchSize")));
                Object schedule = ep.get("Schedule") != null ? ep.get("Schedule") : ep.get("ScheduleExpression");
                sources.add(new EventSourceDefinition(id, (String) export, type, queue, batchSize,
                        schedule == null ? null : String.valueOf(schedule), timeout));
            }
        }
        return sources;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String where) {
        if (!(value instanceof Map)) {
            throw new IllegalStateException("template.yaml: " + where + " is not a mapping");
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value, String where) {
        if (!(value instanceof List)) {
            throw new IllegalStateException("template.yaml: " + where + " is not a list");
        }
        return (List<Object>) value;
    }
}
