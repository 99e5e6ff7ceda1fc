package io.clusterless.cli.command.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.UserException;
import io.clusterless.cli.options.SubstrateOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code cls ui}: the status page served live, made anew for every request. */
@Command(name = "ui",
        description = {"Serve the status page (see cls report) on http://127.0.0.1:PORT/, made anew on every "
                + "request, until stopped (Ctrl-C). Only this machine can connect unless --bind names another "
                + "address and --allow-remote says so: the page shows the placement's data to whoever reaches it.", ""},
        footer = {"", "Example:", "  cls ui examples/copy-chain/project.json -P local --port 8080",
                "", "Exit codes: 1 the port cannot be opened, 2 usage error."},
        sortOptions = false,
        mixinStandardHelpOptions = true)
public final class UiCommand implements Callable<Integer> {
    private final CliContext context;

    public UiCommand(CliContext context) {
        this.context = context;
    }

    @Mixin
    private OperatedProjectOptions project;

    @Mixin
    private SubstrateOptions substrate;

    @Mixin
    private TimeWindowOptions time;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    private String bind;

    @Option(names = "--allow-remote", description = "Allow a --bind address other machines can reach.")
    private boolean allowRemote;


    @Override
    public Integer call() throws Exception {
        InetAddress address = InetAddress.getByName(bind);
        if (!address.isLoopbackAddress() && !allowRemote) {
            throw new UserException("--bind " + bind + " lets other machines see the placement's status; add "
                    + "--allow-remote if that is meant");
        }
        OperatedPlacement placement = OperatedPlacement.load(context, project, substrate);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address, port), 0);
        } catch (IOException e) {
            throw new UserException("cannot listen on " + bind + ":" + port + ": " + e.getMessage()
                    + "; choose another --port");
        }
        Clock clock = Clock.systemUTC();
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!exchange.getRequestURI().getPath().equals("/")) {
                    respond(exchange, 404, "text/plain", "not found");
                } else {
                    respond(exchange, 200, "text/html; charset=utf-8", StatusPage.html(
                            StatusPage.collect(placement, unit -> time.window(unit, clock), clock)));
                }
            } catch (RuntimeException e) {
                respond(exchange, 500, "text/plain", "cls ui: " + e.getMessage());
            }
        });
        server.start();
        String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]"
                : address.getHostAddress();
        context.out().println("serving the status page on http://" + host + ":" + server.getAddress().getPort()
                + "/ (Ctrl-C to stop)");
        context.out().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
