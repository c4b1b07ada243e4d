package org.tributary.node.cli;

import org.tributary.node.config.ConfigException;
import org.tributary.node.http.ApiException;
import picocli.CommandLine;

/** Prints expected failures as one readable line instead of a stack trace. */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult)
            throws Exception {
        if (e instanceof ConfigException || e instanceof ApiException || e instanceof IllegalArgumentException
                || e instanceof DataDirectoryLockedException) {
            String code = e instanceof ApiException api ? " [" + api.code() + "]" : "";
            commandLine.getErr().println("error" + code + ": " + e.getMessage());
            return 2;
        }
        throw e;
    }
}
