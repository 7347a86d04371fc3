package io.crmsync.local;

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

    public Object invoke(String export, String eventJson) {
        FunctionInvoker invoker = FunctionRecorder.registry.matchInvoker(export);
        if (invoker == null) {
            throw new IllegalArgumentException("No @Funq named '" + export + "'; known: " + exports());
        }
        Object input;
        try {
            ObjectMapper mapper = AmazonLambdaMapperRecorder.objectMapper;
            input = invoker.hasInput()
                    ? mapper.readerFor(mapper.constructType(invoker.getInputType())).readValue(eventJson)
                    : null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("Event for " + export + " is not valid: " + e.getOriginalMessage(), e);
        }
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            Response response = new Response();
            invoker.invoke(new Request(input), response);
            return response.output == null ? null : response.output.await().indefinitely();
        } finally {
            requestContext.terminate();
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
