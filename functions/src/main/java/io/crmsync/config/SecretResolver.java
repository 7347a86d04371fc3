package io.crmsync.config;

import java.util.Optional;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Resolves a credential. Deployed, the value lives in an SSM SecureString parameter whose <em>name</em> is configured
 * (template.yaml passes names, never values); locally and in tests an inline value is allowed. The value itself is
 * never logged or put in an exception message.
 */
@ApplicationScoped
public class SecretResolver {

    private static final Logger LOG = Logger.getLogger(SecretResolver.class);

    private final Instance<SsmClient> ssm;

    @Inject
    public SecretResolver(Instance<SsmClient> ssm) {
        this.ssm = ssm;
    }

    /**
     * @param setting       the configuration key, named in errors so the user knows what to set
     * @param inlineValue   a value given directly in configuration (local mode, tests)
     * @param ssmParameter  the name of an SSM SecureString parameter holding the value (deployments)
     */
    public String resolve(String setting, Optional<String> inlineValue, Optional<String> ssmParameter) {
        if (ssmParameter.isPresent() && !ssmParameter.get().isBlank()) {
            String name = ssmParameter.get();
            LOG.debugf("Reading %s from SSM parameter %s", setting, name);
            try {
                return ssm.get().getParameter(r -> r.name(name).withDecryption(true)).parameter().value();
            } catch (RuntimeException e) {
                throw new MissingSecretException("Could not read SSM SecureString parameter '" + name + "' for "
                        + setting + ": " + e.getClass().getSimpleName()
                        + ". Check that it exists and that the function's role may ssm:GetParameter it.", e);
            }
        }
        return inlineValue.filter(v -> !v.isBlank()).orElseThrow(() -> new MissingSecretException(
                "No value for " + setting + ". Set " + setting + "-parameter to an SSM SecureString parameter name "
                        + "(deployments) or " + setting + " (local runs only)."));
    }

    /** A credential that is not configured or cannot be read. */
    public static class MissingSecretException extends RuntimeException {
        public MissingSecretException(String message) {
            super(message);
        }

        public MissingSecretException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
