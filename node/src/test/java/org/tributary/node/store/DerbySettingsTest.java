package org.tributary.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class DerbySettingsTest {
    @Test
    void theNodeSetsASmallPageCacheWhenNothingIsConfigured() {
        Properties system = new Properties();
        DerbySettings.applyDefaults(system);
        assertEquals("500", system.getProperty("derby.storage.pageCacheSize"));
    }

    @Test
    void anOperatorsOwnSettingWins() {
        Properties system = new Properties();
        system.setProperty("derby.storage.pageCacheSize", "4000");
        DerbySettings.applyDefaults(system);
        assertEquals("4000", system.getProperty("derby.storage.pageCacheSize"));
    }
}
