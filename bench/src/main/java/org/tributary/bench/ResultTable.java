package org.tributary.bench;

import java.util.List;

/** Renders the rows as a Markdown table, followed by their notes and the machine they ran on. */
public final class ResultTable {
    private ResultTable() {
    }

    public static String render(List<BenchRow> rows, Machine machine, boolean quick) {
        StringBuilder out = new StringBuilder();
        out.append("| # | benchmark | target | median | p99 | result |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (BenchRow row : rows) {
            out.append("| ").append(row.number()).append(" | ").append(row.benchmark()).append(" | ")
                    .append(row.target()).append(" | ").append(row.medianText()).append(" | ")
                    .append(row.p99Text()).append(" | ").append(row.verdictText()).append(" |\n");
        }
        out.append('\n');
        for (BenchRow row : rows) {
            if (!row.note().isBlank()) {
                out.append("- ").append(row.number()).append(": ").append(row.note()).append('\n');
            }
        }
        out.append("\nMachine: ").append(machine.describe()).append('\n');
        if (quick) {
            out.append("Mode: --quick (smoke run with tiny counts; the numbers mean nothing)\n");
        }
        return out.toString();
    }
}
