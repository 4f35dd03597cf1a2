package dev.customsgateway.core;

import java.io.PrintStream;
import java.util.List;

/**
 * An operator command, run as {@code java -jar customs-gateway.jar <name> [args...]} instead of the server:
 * the application starts without HTTP, servers or routes, runs the command and exits with its status. Each
 * capability contributes its own commands as beans.
 */
public interface GatewayCommand {

    /** The word that selects the command, e.g. {@code verify-log}. */
    String name();

    /** One line for the command list. */
    String summary();

    /** Runs the command; the return value is the process exit status (0 = success). */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
