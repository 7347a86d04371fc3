package io.crmsync.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * One file of the console's build, ready to serve: its bytes, their gzip form when compressing pays, the content
 * type its extension calls for, and a strong ETag.
 */
record ConsoleAsset(String path, byte[] bytes, byte[] gzipped, String contentType, String etag) {

    /** Below this, gzip's header and the base64 API Gateway needs cost more than compression saves. */
    private static final int COMPRESS_FROM = 1024;

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"));

    static ConsoleAsset of(String path, byte[] bytes) {
        String type = contentType(path);
        boolean compressible = type.startsWith("text/") || type.equals("application/json") || type.equals("image/svg+xml");
        byte[] gzipped = compressible && bytes.length >= COMPRESS_FROM ? gzip(bytes) : null;
        return new ConsoleAsset(path, bytes, gzipped, type, etag(bytes));
    }

    /** The type for a file name, by extension; unknown extensions are served as opaque bytes. */
    static String contentType(String path) {
        int dot = path.lastIndexOf('.');
        String extension = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream(bytes.length / 3);
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
