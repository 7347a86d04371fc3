package io.crmsync.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.amazon.lambda.runtime.AmazonLambdaMapperRecorder;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.funqy.runtime.FunctionInvoker;
import io.quarkus.funqy.runtime.FunctionRecorder;
import io.quarkus.funqy.runtime.FunqyServerRequest;
import io.quarkus.funqy.runtime.FunqyServerResponse;
import io.quarkus.funqy.runtime.RequestContext;
import io.quarkus.funqy.runtime.RequestContextImpl;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Invokes any {@code @Funq} by its export name with event JSON, through Funqy's own invokers and the object mapper
 * the Lambda runtime uses, in a fresh request context per call: what the Lambda runtime does for the one function a
 * process exports, done here for all of them in one process.
 */
@ApplicationScoped
public class FunctionDispatcher {

    /** One event, as its own invocation: the function's output once its work is done (null for none). */
    public Object invoke(String export, String eventJson) {
        return start(export, eventJson).await().indefinitely();
    }

    /**
     * Invokes {@code export} with each message of one SQS batch the way Funqy's SQS handling does on Lambda: each
     * message is parsed and its function called in a request context of its own, which ends when the function returns
     * its Uni; then all the Unis are subscribed together and waited for. A function whose Uni does its work when
     * subscribed (the sync worker) thus has the batch's messages in flight at once; one that works before it returns
     * runs them one after another, as on Lambda. A message that cannot be parsed or whose function fails gets its own
     * failed outcome; the others are unaffected.
     *
     * @return one outcome per message, in the messages' order
     */
    public List<Outcome> invokeBatch(String export, List<String> eventJsons) {
        List<Uni<Outcome>> outcomes = new ArrayList<>();
        for (String eventJson : eventJsons) {
            Uni<?> output;
            try {
                output = start(export, eventJson);
            } catch (RuntimeException e) {
                output = Uni.createFrom().failure(e);
            }
            outcomes.add(output.onItemOrFailure().transform((item, failure) -> new Outcome(item, failure)));
        }
        if (outcomes.isEmpty()) {
            return List.of();
        }
        return Uni.combine().all().unis(outcomes).with(all -> all.stream().map(Outcome.class::cast).toList()).await()
                .indefinitely();
    }

    /** What became of one message of a batch: the function's output, or why it failed. */
    public record Outcome(Object output, Throwable failure) {

        public boolean succeeded() {
            return failure == null;
        }

        /** The function's own exception, not Funqy's wrapper around it. */
        public Throwable cause() {
            return failure instanceof io.quarkus.funqy.runtime.ApplicationException && failure.getCause() != null
                    ? failure.getCause() : failure;
        }
    }

    /** Parses the event and calls the function in a request context of its own, ended once it returned its Uni. */
    private Uni<?> start(String export, String eventJson) {
        FunctionInvoker invoker = invokerOf(export);
        Object input = parse(export, invoker, eventJson);
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            Response response = new Response();
            invoker.invoke(new Request(input), response);
            return response.output == null ? Uni.createFrom().nullItem() : response.output;
        } finally {
            requestContext.terminate();
        }
    }

    private FunctionInvoker invokerOf(String export) {
        FunctionInvoker invoker = FunctionRecorder.registry.matchInvoker(export);
        if (invoker == null) {
            throw new IllegalArgumentException("No @Funq named '" + export + "'; known: " + exports());
        }
        return invoker;
    }

    private static Object parse(String export, FunctionInvoker invoker, String eventJson) {
        try {
            ObjectMapper mapper = AmazonLambdaMapperRecorder.objectMapper;
            return invoker.hasInput()
                    ? mapper.readerFor(mapper.constructType(invoker.getInputType())).readValue(eventJson)
                    : null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("Event for " + export + " is not valid: " + e.getOriginalMessage(), e);
        }
    }

    public Set<String> exports() {
        return FunctionRecorder.registry.invokers().stream().map(FunctionInvoker::getName).collect(Collectors.toSet());
    }

    private record Request(Object input) implements FunqyServerRequest {
        @Override
        public RequestContext context() {
            return new RequestContextImpl();
        }

        @Override
        public Object extractInput(Class type) {
            return input;
        }
    }

    private static final class Response implements FunqyServerResponse {
        private Uni<?> output;

        @Override
        public Uni<?> getOutput() {
            return output;
        }

        @Override
        public void setOutput(Uni<?> output) {
            this.output = output;
        }
    }
}
