package org.tributary.node.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.tributary.node.store.StoreException;

/** How Derby's refusal to boot a database in use is recognised, whichever way it is chained. */
class NodeCommandsTest {

    @Test
    void findsXsdb6AsTheNextException() {
        SQLException failedToStart = new SQLException("Failed to start database", "XJ040");
        failedToStart.setNextException(new SQLException("Another instance of Derby", "XSDB6"));
        assertTrue(NodeCommands.isBootedElsewhere(new StoreException(failedToStart)));
    }

    @Test
    void findsXsdb6AsTheCause() {
        SQLException failedToStart = new SQLException("Failed to start database", "XJ040",
                new SQLException("Another instance of Derby", "XSDB6"));
        assertTrue(NodeCommands.isBootedElsewhere(new StoreException(failedToStart)));
    }

    @Test
    void otherStoreFailuresAreNotMistakenForIt() {
        SQLException failedToStart = new SQLException("Failed to start database", "XJ040");
        failedToStart.setNextException(new SQLException("disk full", "XSDG1"));
        assertFalse(NodeCommands.isBootedElsewhere(new StoreException(failedToStart)));
        assertFalse(NodeCommands.isBootedElsewhere(new IllegalStateException("Another instance of Derby XSDB6")));
    }
}
