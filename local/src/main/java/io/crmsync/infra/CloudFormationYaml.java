package io.crmsync.infra;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a CloudFormation/SAM template, short-form intrinsic tags included. {@code !Ref X} becomes
 * {@code {"Ref": "X"}}, {@code !GetAtt A.B} becomes {@code {"Fn::GetAtt": ["A", "B"]}} and every other
 * {@code !Tag v} becomes {@code {"Fn::Tag": v}}: the long form CloudFormation itself would see.
 * Hand-written because no Java library parses CloudFormation's tags; SnakeYAML's fallback constructor makes it small.
 */
public final class CloudFormationYaml {

    private CloudFormationYaml() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path template) {
        try (Reader reader = Files.newBufferedReader(template)) {
            Object root = new Yaml(new IntrinsicFunctionConstructor()).load(reader);
            if (!(root instanceof Map)) {
                throw new IllegalStateException(template + " is not a YAML mapping");
            }
            return (Map<String, Object>) root;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the template " + template.toAbsolutePath(), e);
        }
    }

    private static final class IntrinsicFunctionConstructor extends SafeConstructor {

        IntrinsicFunctionConstructor() {
            super(new LoaderOptions());
            yamlConstructors.put(null, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String tag = node.getTag().getValue();
                    if (!tag.startsWith("!")) {
                        throw new IllegalStateException("Unsupported YAML tag " + tag + " at " + node.getStartMark());
                    }
                    String name = tag.substring(1);
                    Object value;
                    if (node instanceof ScalarNode scalar) {
                        value = constructScalar(scalar);
                    } else if (node instanceof SequenceNode sequence) {
                        value = constructSequence(sequence);
                    } else {
                        value = constructMapping((MappingNode) node);
                    }
                    if (name.equals("Ref")) {
                        return Map.of("Ref", value);
                    }
                    if (name.equals("GetAtt") && value instanceof String dotted) {
                        int dot = dotted.indexOf('.');
                        return Map.of("Fn::GetAtt", List.of(dotted.substring(0, dot), dotted.substring(dot + 1)));
                    }
                    return Map.of("Fn::" + name, value);
                }
            });
        }
    }
}
