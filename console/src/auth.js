import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { setBearerTokens } from './api.js';

// Sign-in when deployed: the HTTP API's JWT authorizer accepts tokens of the organisation's OpenID Connect provider
// (or Cognito user pool). The console signs in with the authorization code flow and PKCE, through oidc-client-ts,
// and sends the access token with every call. Local mode publishes no issuer: the console calls the API as it is.

const CALLBACK = '/console/callback';

export async function startAuth(config) {
  const { issuer, clientId, scopes } = config.auth;
  const manager = new UserManager({
    authority: issuer,
    client_id: clientId,
    redirect_uri: `${location.origin}${CALLBACK}`,
    post_logout_redirect_uri: `${location.origin}/console/`,
    response_type: 'code',
    scope: scopes,
    // per tab, gone with it: tokens are never kept in localStorage
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: false,
  });
  const signIn = () => manager.signinRedirect({ state: { returnTo: location.pathname + location.search } });

  if (location.pathname === CALLBACK) {
    const user = await manager.signinRedirectCallback();
    history.replaceState(null, '', user.state?.returnTo || '/console/');
  }
  let user = await manager.getUser();
  if (!user || user.expired) {
    await signIn();
    return new Promise(() => {}); // the browser is leaving for the sign-in page
  }
  setBearerTokens(async () => {
    user = await manager.getUser();
    if (!user || user.expired) {
      await signIn();
      return null;
    }
    return user.access_token;
  }, () => manager.removeUser().then(signIn));
  return {
    signedIn: user.profile?.email ?? user.profile?.preferred_username ?? user.profile?.sub,
    signOut: () => manager.signoutRedirect(),
  };
}
