package io.crmsync.packaged;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.crmsync.infra.TemplateDefinitions;

/**
 * What a function's role in template.yaml allows, as (action, resource) grants over the resources this stack
 * knows: the table, its indexes, each queue, each SSM parameter. Enough of IAM's evaluation for the template's own
 * policies (Allow statements, exact actions, ARNs built from the template's resources); anything else is refused,
 * so a policy the check cannot read fails the test instead of passing it.
 */
final class RolePolicies {

    /** One grant: {@code dynamodb:Query} on {@code table-index}, {@code sqs:SendMessage} on {@code queue:<name>}. */
    record Grant(String action, String resource) {
    }

    private RolePolicies() {
    }

    /**
     * @param queueName the physical name of a queue from its logical id
     * @param parameterDefault the value of a template parameter (its default, or the value the stack deploys with)
     */
    static Set<Grant> of(TemplateDefinitions template, String functionLogicalId, Function<String, String> queueName,
            Function<String, String> parameterDefault) {
        Object role = template.properties(functionLogicalId).get("Role");
        String roleId = getAttTarget(role);
        if (roleId == null) {
            throw new IllegalStateException(functionLogicalId + " has no Role: !GetAtt <Role>.Arn");
        }
        Map<String, Object> roleProperties = template.properties(roleId);
        List<Object> statements = new ArrayList<>();
        for (Object managed : list(roleProperties.get("ManagedPolicyArns"))) {
            if (!(managed instanceof Map<?, ?> ref) || !(ref.get("Ref") instanceof String policyId)) {
                throw new IllegalStateException(roleId + " attaches a managed policy the check cannot read: " + managed);
            }
            statements.addAll(list(map(template.properties(policyId).get("PolicyDocument")).get("Statement")));
        }
        for (Object inline : list(roleProperties.get("Policies"))) {
            statements.addAll(list(map(map(inline).get("PolicyDocument")).get("Statement")));
        }
        Set<Grant> grants = new HashSet<>();
        for (Object s : statements) {
            Map<String, Object> statement = map(s);
            if (!"Allow".equals(statement.get("Effect"))) {
                throw new IllegalStateException(roleId + " has a statement that is not a plain Allow: " + statement);
            }
            for (Object action : list(statement.get("Action"))) {
                for (Object resource : list(statement.get("Resource"))) {
                    String canonical = resource(resource, queueName, parameterDefault);
                    if (canonical != null) {
                        grants.add(new Grant(action.toString(), canonical));
                    }
                }
            }
        }
        return grants;
    }

    /** The resource a recorded call touches, in the same terms as the grants. */
    static String resourceOf(AwsCallRecorder.Call call) {
        if (call.action().startsWith("sqs:")) {
            return "queue:" + call.resource();
        }
        return call.index() == null ? "table" : "table-index";
    }

    private static String resource(Object resource, Function<String, String> queueName,
            Function<String, String> parameterDefault) {
        String target = getAttTarget(resource);
        if (target != null) {
            return target.equals("Table") ? "table" : "queue:" + queueName.apply(target);
        }
        if (resource instanceof Map<?, ?> sub && sub.get("Fn::Sub") instanceof String text) {
            if (text.equals("${Table.Arn}/index/*")) {
                return "table-index";
            }
            if (text.contains(":ssm:") && text.contains(":parameter${")) {
                String parameter = text.substring(text.indexOf(":parameter${") + 12, text.lastIndexOf('}'));
                return "ssm:" + parameterDefault.apply(parameter);
            }
            if (text.contains(":logs:")) {
                return null; // CloudWatch Logs: written by the Lambda service for the function, not checked here
            }
        }
        throw new IllegalStateException("A policy resource the check cannot read: " + resource);
    }

    private static String getAttTarget(Object value) {
        if (value instanceof Map<?, ?> m && m.get("Fn::GetAtt") instanceof List<?> parts && parts.size() == 2
                && "Arn".equals(parts.get(1))) {
            return parts.get(0).toString();
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return List.of(value);
    }
}
