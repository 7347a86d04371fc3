package io.crmsync.console;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the console signs people in when deployed: the OpenID Connect provider whose tokens the HTTP API's JWT
 * authorizer accepts (template.yaml passes the same issuer and client id). Without an issuer the console calls the
 * API without a token, as local mode allows.
 */
@ConfigMapping(prefix = "crmsync.console")
public interface ConsoleConfig {

    Oidc oidc();

    interface Oidc {

        /** The issuer URL, e.g. {@code https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123}. */
        Optional<String> issuer();

        /** The public (no secret) app client the console signs in with; the audience when not given. */
        Optional<String> clientId();

        /** The audience the JWT authorizer requires; for Cognito, the app client id. */
        Optional<String> audience();

        @WithDefault("openid email")
        String scopes();
    }
}
