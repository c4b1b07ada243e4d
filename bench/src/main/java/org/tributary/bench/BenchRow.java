package org.tributary.bench;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One line of the results table. {@code median} and {@code p99} are in {@code unit}; a row whose
 * benchmark could not run carries no number and says why in {@code note}.
 */
public record BenchRow(String number, String benchmark, String target, OptionalDouble median, OptionalDouble p99,
        String unit, Verdict verdict, String note) {

    /** Whether the measurement met its target. */
    public enum Verdict {
        PASS, MISS, REPORTED, NOT_AVAILABLE;

        String label() {
            return switch (this) {
                case PASS -> "pass";
                case MISS -> "MISS";
                case REPORTED -> "reported";
                case NOT_AVAILABLE -> "n/a";
            };
        }
    }

    public static BenchRow measured(String number, String benchmark, String target, double median, OptionalDouble p99,
            String unit, Verdict verdict, String note) {
        return new BenchRow(number, benchmark, target, OptionalDouble.of(median), p99, unit, verdict, note);
    }

    public static BenchRow notAvailable(String number, String benchmark, String target, String why) {
        return new BenchRow(number, benchmark, target, OptionalDouble.empty(), OptionalDouble.empty(), "",
                Verdict.NOT_AVAILABLE, why);
    }

    /** PASS when {@code value <= limit}. */
    public static Verdict atMost(double value, double limit) {
        return !Double.isNaN(value) && value <= limit ? Verdict.PASS : Verdict.MISS;
    }

    /** PASS when {@code value >= limit}. */
    public static Verdict atLeast(double value, double limit) {
        return !Double.isNaN(value) && value >= limit ? Verdict.PASS : Verdict.MISS;
    }

    public boolean hasNumber() {
        return median.isPresent() && !Double.isNaN(median.getAsDouble());
    }

    String medianText() {
        return median.isPresent() ? format(median.getAsDouble()) + " " + unit : "—";
    }

    String p99Text() {
        return p99.isPresent() ? format(p99.getAsDouble()) + " " + unit : "—";
    }

    String verdictText() {
        return verdict.label();
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "none";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
