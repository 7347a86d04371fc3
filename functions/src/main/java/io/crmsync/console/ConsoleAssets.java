package io.crmsync.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The console's built files, read from the classpath folder the console module's jar puts them in, and kept in
 * memory once read (a few hundred kilobytes). Only names made of plain segments are looked up: no segment may start
 * with a dot, so {@code ..}, hidden files and percent-encoded tricks never reach the class loader.
 */
@ApplicationScoped
public class ConsoleAssets {

    static final String ROOT = "crm-sync-console/";
    static final String INDEX = "index.html";

    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}(/[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}){0,7}");

    private final Map<String, Optional<ConsoleAsset>> cache = new ConcurrentHashMap<>();

    /** The file at {@code path} (relative to /console/), if the build has one. */
    public Optional<ConsoleAsset> find(String path) {
        if (path == null || !SAFE_PATH.matcher(path).matches()) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(path, this::load);
    }

    /** Whether the console was built into this artifact at all. */
    public boolean built() {
        return find(INDEX).isPresent();
    }

    private Optional<ConsoleAsset> load(String path) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(ROOT + path)) {
            return in == null ? Optional.empty() : Optional.of(ConsoleAsset.of(path, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading console file " + path, e);
        }
    }
}
