package io.crmsync.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the Salesforce sandbox on a free port with a fresh RSA key pair and client secret, and points
 * {@code crmsync.salesforce.*} at it. Retry delays are cut to milliseconds so failure tests run fast.
 * Tests reach the running sandbox through {@link #sandbox()}.
 */
public class SalesforceSandboxTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "crm-sync-test-client";
    public static final String USERNAME = "integration@crm-sync.test";

    private static volatile SalesforceSandbox sandbox;
    private static volatile String privateKeyPem;

    @Override
    public Map<String, String> start() {
        KeyPair keys = rsaKeyPair();
        String clientSecret = randomSecret();
        privateKeyPem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        sandbox = new SalesforceSandbox(CLIENT_ID, clientSecret, USERNAME, keys.getPublic()).start(0);
        Map<String, String> config = new HashMap<>();
        config.put("crmsync.salesforce.login-url", sandbox.baseUrl());
        config.put("crmsync.salesforce.auth", "client-credentials");
        config.put("crmsync.salesforce.client-id", CLIENT_ID);
        config.put("crmsync.salesforce.client-secret", clientSecret);
        config.put("crmsync.salesforce.username", USERNAME);
        config.put("crmsync.salesforce.private-key", privateKeyPem);
        config.put("crmsync.salesforce.retry.max-retries", "3");
        config.put("crmsync.salesforce.retry.initial-delay", "5ms");
        config.put("crmsync.salesforce.retry.max-delay", "40ms");
        config.put("crmsync.salesforce.retry.jitter", "2ms");
        return config;
    }

    @Override
    public void stop() {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }

    public static SalesforceSandbox sandbox() {
        if (sandbox == null) {
            throw new IllegalStateException("The Salesforce sandbox test resource is not running");
        }
        return sandbox;
    }

    /** The PEM private key matching the sandbox's JWT public key (test-only key, made per run). */
    public static String privateKeyPem() {
        return privateKeyPem;
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
