package org.tributary.node.admin;

import org.tributary.node.account.Account;
import org.tributary.node.account.Role;
import org.tributary.node.auth.AuthService;
import org.tributary.node.http.ApiException;

/**
 * Who may use the admin API: admins may read and change, auditors may only read, employees may do
 * neither (403). A missing or dead token is 401 as everywhere else.
 */
public final class AdminAccess {
    private final AuthService auth;

    public AdminAccess(AuthService auth) {
        this.auth = auth;
    }

    /** An admin or an auditor. */
    public Account reader(String authorizationHeader) {
        Account account = auth.require(authorizationHeader);
        if (account.role() != Role.ADMIN && account.role() != Role.AUDITOR) {
            throw ApiException.forbidden("admin_only", "only admins and auditors may use the admin API");
        }
        return account;
    }

    /** An admin; an auditor is refused because the role is read-only. */
    public Account writer(String authorizationHeader) {
        Account account = reader(authorizationHeader);
        if (account.role() != Role.ADMIN) {
            throw ApiException.forbidden("read_only_role", "auditors may read the admin API but change nothing");
        }
        return account;
    }
}
