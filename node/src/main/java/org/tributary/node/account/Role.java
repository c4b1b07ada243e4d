package org.tributary.node.account;

/** What an account may do on its node. */
public enum Role {
    EMPLOYEE, ADMIN, AUDITOR;

    public static Role parse(String value) {
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + value + "'; expected employee, admin or auditor");
    }
}
