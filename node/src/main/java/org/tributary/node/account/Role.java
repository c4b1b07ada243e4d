package org.tributary.node.account;

import java.util.Locale;

/** What an account may do on its node. */
public enum Role {
    EMPLOYEE, ADMIN, AUDITOR;

    public static Role parse(String value) {
        return Role.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
