package org.tributary.node.config;

/** The configuration is missing or invalid; the message says which setting and how to fix it. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
