package io.crmsync.packaged;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One function of {@code function.zip} running as Lambda runs it: its own JVM, started in the unzipped task root
 * with AWS's runtime interface client as the main class and the template's handler, the environment Lambda would
 * give it, and a {@link LambdaRuntimeApi} of its own to take events from.
 */
final class PackagedFunction implements AutoCloseable {

    /** The runtime interface client's entry point, as the java17 managed runtime's bootstrap starts it. */
    private static final String RUNTIME_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private final FunctionDeployment deployment;
    private final LambdaRuntimeApi runtimeApi;
    private final Process process;
    private final Path log;
    private final long startedAt;

    private PackagedFunction(FunctionDeployment deployment, LambdaRuntimeApi runtimeApi, Process process, Path log,
            long startedAt) {
        this.deployment = deployment;
        this.runtimeApi = runtimeApi;
        this.process = process;
        this.log = log;
        this.startedAt = startedAt;
    }

    /**
     * @param extraEnvironment what Lambda itself provides (region, credentials) and the endpoints of the local
     *        stand-ins for AWS services, which a deployed function reaches at their default addresses
     */
    static PackagedFunction start(Path taskRoot, List<Path> runtimeClasspath, Path runtimeJni, FunctionDeployment deployment,
            Map<String, String> extraEnvironment, boolean snapStart, Path logDir) {
        LambdaRuntimeApi runtimeApi = new LambdaRuntimeApi(deployment.logicalId());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The managed runtime gives the heap about 85% of the function's memory and uses the serial collector.
        command.add("-XX:MaxHeapSize=" + (deployment.memoryMb() * 85 / 100) + "m");
        command.add("-XX:+UseSerialGC");
        command.add("-Dcom.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI=" + runtimeJni);
        if (snapStart) {
            // as the managed runtime does, so that org.crac hooks (Quarkus' among them) run on the client's checkpoint
            command.add("-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac");
        }
        command.add("-cp");
        command.add(String.join(File.pathSeparator, runtimeClasspath.stream().map(Path::toString).toList()));
        command.add(RUNTIME_MAIN);
        command.add(deployment.handler());

        ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile());
        Map<String, String> env = builder.environment();
        String path = env.get("PATH");
        env.clear();
        env.put("PATH", path == null ? "/usr/local/bin:/usr/bin:/bin" : path);
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("_HANDLER", deployment.handler());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "crm-sync-" + deployment.export());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(deployment.memoryMb()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/crm-sync-" + deployment.export());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "packaged-artifact-test");
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", snapStart ? "snap-start" : "on-demand");
        env.putAll(deployment.environment());
        env.putAll(extraEnvironment);

        Path log = logDir.resolve(deployment.export() + (snapStart ? "-snapstart" : "") + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        long startedAt = System.nanoTime();
        try {
            return new PackagedFunction(deployment, runtimeApi, builder.start(), log, startedAt);
        } catch (IOException e) {
            runtimeApi.close();
            throw new UncheckedIOException("Cannot start " + deployment.export(), e);
        }
    }

    String export() {
        return deployment.export();
    }

    /** Sends an event and returns the function's answer; any error or init failure fails the test with the log. */
    String invokeOk(String eventJson) {
        LambdaRuntimeApi.Outcome outcome = invoke(eventJson);
        if (outcome.error()) {
            throw new AssertionError(export() + " answered an error (" + outcome.errorType() + "): " + outcome.body()
                    + "\n--- " + log + " ---\n" + logTail());
        }
        return outcome.body();
    }

    LambdaRuntimeApi.Outcome invoke(String eventJson) {
        CompletableFuture<LambdaRuntimeApi.Outcome> answer = runtimeApi.submit(eventJson);
        long deadline = System.nanoTime() + Duration.ofSeconds(Math.min(deployment.timeoutSeconds(), 120)).toNanos();
        while (true) {
            try {
                return answer.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!process.isAlive()) {
                    throw new AssertionError(export() + " exited with " + process.exitValue() + " before answering"
                            + runtimeApi.initError().map(err -> "; init error: " + err).orElse("")
                            + "\n--- " + log + " ---\n" + logTail());
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(export() + " did not answer in time\n--- " + log + " ---\n" + logTail());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted", e);
            } catch (ExecutionException e) {
                throw new AssertionError(e.getCause());
            }
        }
    }

    /** Nanoseconds from the process' start to the runtime's first request for work (initialisation done). */
    long initNanos() {
        return runtimeApi.firstPollAt().map(at -> at - startedAt)
                .orElseThrow(() -> new IllegalStateException(export() + " never asked for an invocation"));
    }

    long startedAt() {
        return startedAt;
    }

    /**
     * CPU time the function's JVM has used so far (all its threads, user and system). Unlike wall-clock time it hardly
     * depends on what else the machine runs, so it compares start-up work across runs on a busy machine.
     */
    long cpuNanos() {
        return process.toHandle().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("this platform does not report a process' CPU time"))
                .toNanos();
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private String logTail() {
        String all = log();
        return all.length() <= 12_000 ? all : "..." + all.substring(all.length() - 12_000);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        runtimeApi.close();
    }
}
