package org.tributary.node.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.Predicate;

/**
 * What a command's JVM options depend on in the JVM that will run them: its version (a class-data archive
 * serves only the JVM that made it) and which {@code -XX} options it has (a JVM refuses to start with one it
 * does not know). The start script and the relaunch ask the same {@code java} they then start.
 */
record TargetJvm(String version, Predicate<String> hasOption) {

    /** This JVM. A diagnostic option is seen only if this JVM was started with diagnostic options unlocked. */
    static TargetJvm current() {
        return new TargetJvm(Runtime.version().toString(), TargetJvm::has);
    }

    private static boolean has(String option) {
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(option);
            return true;
        } catch (RuntimeException unknownOrNotHotSpot) {
            return false;
        }
    }
}
