/**
 * OAuth 2 for the client API, the way Mastodon clients expect it: registered applications, the
 * authorization code grant with PKCE, client credentials, the password grant, revocation, and scopes.
 * Secrets, codes and tokens are stored only as SHA-256 hashes. The HTTP side lives in {@code api}.
 */
package org.tributary.node.oauth;
