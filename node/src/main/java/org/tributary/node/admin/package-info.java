/**
 * Administration of a node: the admin API (Mastodon-like {@code /api/v1/admin/...}) and the services
 * behind it and the CLI: accounts (create, suspend, restore, reset a password, change a role), the peer
 * allowlist and dead deliveries. Admins may change things, auditors may only look, employees may do
 * neither; every change is recorded in the audit log through {@link org.tributary.node.admin.AdminActionLog}.
 */
package org.tributary.node.admin;
