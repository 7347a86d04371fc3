package io.crmsync.local;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.amazon.lambda.runtime.AmazonLambdaMapperRecorder;

/** Fires a function with EventBridge's scheduled event on a fixed interval, as the deployment's schedule rule does. */
final class LocalSchedule implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalSchedule.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "local-schedule");
        t.setDaemon(true);
        return t;
    });

    static LocalSchedule start(String export, Duration interval, FunctionDispatcher dispatcher) {
        LocalSchedule schedule = new LocalSchedule();
        schedule.timer.scheduleAtFixedRate(() -> fire(export, dispatcher), interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return schedule;
    }

    private static void fire(String export, FunctionDispatcher dispatcher) {
        try {
            Object result = dispatcher.invoke(export, event());
            LOG.infof("Scheduled %s: %s", export, result);
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.errorf(e, "Scheduled %s failed", export);
        }
    }

    private static String event() throws JsonProcessingException {
        return AmazonLambdaMapperRecorder.objectMapper.writeValueAsString(Map.of("version", "0",
                "id", UUID.randomUUID().toString(), "detail-type", "Scheduled Event", "source", "aws.events",
                "account", "000000000000", "time", Instant.now().toString(), "region", EmbeddedAws.REGION,
                "resources", List.of("arn:aws:events:us-east-1:000000000000:rule/crm-sync-local-poll"),
                "detail", Map.of()));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
