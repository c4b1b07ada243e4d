/**
 * JDBC repositories over the embedded Derby store and the numbered SQL migrations. Services reach
 * storage only through these classes; each method takes the caller's {@link java.sql.Connection} so
 * that one use case is one transaction.
 */
package org.tributary.node.store;
