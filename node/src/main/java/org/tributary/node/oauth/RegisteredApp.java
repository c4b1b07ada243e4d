package org.tributary.node.oauth;

/** What registering an app returns, once: the app and its client secret in clear. */
public record RegisteredApp(OAuthApp app, String clientSecret) {
}
