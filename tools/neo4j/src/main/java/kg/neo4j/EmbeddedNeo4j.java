package kg.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.commandline.admin.security.SetInitialPasswordCommand;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.AuthToken;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import picocli.CommandLine;

/**
 * Development launcher: Neo4j Community (embedded) serving Bolt only.
 *
 * <pre>
 * java -Xms2g -Xmx2g -cp target/classes:target/lib/* kg.neo4j.EmbeddedNeo4j \
 *      [--host 127.0.0.1] [--port 7687] [--data-dir .neo4j-data] [--page-cache 1g] [--exit-on-stdin-eof]
 * </pre>
 *
 * The password of the built-in user {@code neo4j} comes from the environment variable
 * {@code NEO4J_PASSWORD} (default {@code knowledge-graph-dev}; at least 8 characters), so it
 * never appears in the process list.
 *
 * <p>Protocol on stdout (everything else goes to stderr or to {@code <data-dir>/logs/}):
 * exactly one line {@code NEO4J_READY bolt://host:port} once Bolt listens and the password is in place (for a
 * wildcard listen host the line names the loopback address).
 * Fatal problems are reported as one stderr line starting with {@code NEO4J_ERROR} and a
 * non-zero exit code (2 = bad arguments, 3 = port in use, 4 = data dir locked by another process,
 * 1 = anything else).
 */
public final class EmbeddedNeo4j {
    private static final String USER = AuthManager.INITIAL_USER_NAME; // "neo4j"
    private static final String DEFAULT_PASSWORD = "knowledge-graph-dev";
    private static final int EXIT_FAILURE = 1;
    private static final int EXIT_USAGE = 2;
    private static final int EXIT_PORT_IN_USE = 3;
    private static final int EXIT_DATA_DIR_LOCKED = 4;

    private static final PrintStream OUT = System.out;
    private static final PrintStream ERR = System.err;

    private EmbeddedNeo4j() {}

    private record Options(String host, int port, Path dataDir, long pageCacheBytes, String password,
            boolean exitOnStdinEof) {}

    public static void main(String[] args) {
        Options options = parse(args);
        checkPortFree(options.host(), options.port());
        checkDataDirUnlocked(options.dataDir());

        // Registered before Neo4j starts, so SIGTERM/SIGINT/System.exit at any point after this shuts it down cleanly.
        AtomicReference<DatabaseManagementService> running = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            DatabaseManagementService dbms = running.getAndSet(null);
            try {
                if (dbms != null) {
                    info("shutting down Neo4j ...");
                    dbms.shutdown();
                    info("Neo4j stopped");
                }
            } catch (Throwable e) {
                ERR.println("[embedded-neo4j] error during shutdown: " + describe(e));
            } finally {
                stopped.countDown();
            }
        }, "neo4j-shutdown"));

        if (options.exitOnStdinEof()) {
            // The parent keeps our stdin open; when it dies (even by SIGKILL) we see EOF and stop too.
            Thread watcher = new Thread(() -> {
                drain(System.in);
                info("stdin closed (parent gone) - stopping");
                System.exit(0);
            }, "parent-watch");
            watcher.setDaemon(true);
            watcher.start();
        }

        DatabaseManagementService dbms;
        try {
            Files.createDirectories(options.dataDir());
            boolean firstStart = !Files.isDirectory(options.dataDir().resolve("data/databases/system"));
            if (firstStart) {
                writeInitialPassword(options.dataDir(), options.password());
            }
            long t0 = System.nanoTime();
            dbms = build(options);
            running.set(dbms);
            info("DBMS started in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms"
                    + (firstStart ? " (new data directory " + options.dataDir() + ")" : ""));
        } catch (Throwable e) {
            fail(EXIT_FAILURE, "could not start Neo4j on " + options.host() + ":" + options.port() + " with data dir "
                    + options.dataDir() + ": " + describe(e) + " (details: " + options.dataDir().resolve("logs/debug.log") + ")");
            return;
        }

        try {
            ensurePassword(dbms, options.password());
            waitForBolt(options.host(), options.port());
        } catch (Throwable e) {
            fail(EXIT_FAILURE, "Neo4j started but is not usable: " + describe(e));
            return;
        }

        OUT.println("NEO4J_READY bolt://" + formatHost(connectHost(options.host())) + ":" + options.port());
        OUT.flush();

        try {
            stopped.await(); // only the shutdown hook (SIGTERM/SIGINT/System.exit) ends the process
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static DatabaseManagementService build(Options o) {
        SocketAddress bolt = new SocketAddress(o.host(), o.port());
        boolean wildcard = o.host().equals("0.0.0.0") || o.host().equals("::");
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(o.dataDir())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, bolt)
                .setConfig(BoltConnector.advertised_address,
                        wildcard ? new SocketAddress("localhost", o.port()) : bolt)
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, o.pageCacheBytes())
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // a dev database does not need 2 x 256 MiB of pre-allocated transaction logs
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.logs_directory, o.dataDir().resolve("logs"))
                // Bolt waits 2 x 5 s "quiet period" on shutdown by default; a dev server should stop promptly
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
        return builder.build();
    }

    /** Neo4j's own "neo4j-admin dbms set-initial-password" (writes data/dbms/auth.ini, change not required). */
    private static void writeInitialPassword(Path home, String password) {
        PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        ExecutionContext ctx = new ExecutionContext(home, home.resolve("conf"), quiet, ERR, new DefaultFileSystemAbstraction());
        int rc = new CommandLine(new SetInitialPasswordCommand(ctx)).execute(password);
        if (rc != 0) {
            throw new IllegalStateException("set-initial-password failed with exit code " + rc);
        }
        info("initial password for user '" + USER + "' written to " + home.resolve("data/dbms/auth.ini"));
    }

    /**
     * Makes sure {@code neo4j} can log in with the configured password without a forced change: checks with
     * Neo4j's AuthManager (what Bolt uses) and, if needed, fixes it with ALTER USER on the system database.
     */
    private static void ensurePassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        AuthManager auth = ((GraphDatabaseAPI) system).getDependencyResolver().resolveDependency(AuthManager.class);
        AuthenticationResult result;
        try {
            result = auth.login(AuthToken.newBasicAuthToken(USER, password), ClientConnectionInfo.EMBEDDED_CONNECTION)
                    .subject()
                    .getAuthenticationResult();
        } catch (Exception e) {
            throw new IllegalStateException("could not check the password: " + describe(e), e);
        }
        switch (result) {
            case SUCCESS -> info("user '" + USER + "' can log in with the configured password");
            case PASSWORD_CHANGE_REQUIRED -> {
                system.executeTransactionally("ALTER USER " + USER + " SET PASSWORD CHANGE NOT REQUIRED");
                info("user '" + USER + "': cleared the password-change requirement");
            }
            default -> {
                // e.g. NEO4J_PASSWORD changed for an existing data dir: the configured password wins (dev only!)
                system.executeTransactionally(
                        "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
                info("user '" + USER + "': password reset to the configured one (was " + result + ")");
            }
        }
    }

    private static void waitForBolt(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(connectHost(host), port), 5_000);
        }
    }

    /** Where a local client connects: the loopback address for wildcard listen addresses. */
    private static String connectHost(String listenHost) {
        return switch (listenHost) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]" -> "::1";
            default -> listenHost;
        };
    }

    private static void checkPortFree(String host, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(host, port));
        } catch (BindException e) {
            fail(EXIT_PORT_IN_USE, "port " + formatHost(host) + ":" + port + " is already in use ("
                    + e.getMessage() + "); is another Neo4j running? Choose another port (e.g. NEO4J_BOLT_PORT)");
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            fail(EXIT_USAGE, "cannot listen on " + formatHost(host) + ":" + port + ": " + describe(e));
        }
    }

    /** Fails fast if another process holds Neo4j's store lock (instead of half-starting and then failing). */
    private static void checkDataDirUnlocked(Path dataDir) {
        Path lockFile = dataDir.resolve("data/databases/store_lock");
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                fail(EXIT_DATA_DIR_LOCKED, "data directory " + dataDir
                        + " is in use by another Neo4j process; stop it or choose another data dir (NEO4J_DATA_DIR)");
            } else {
                lock.release();
            }
        } catch (IOException e) {
            fail(EXIT_FAILURE, "cannot check the store lock " + lockFile + ": " + describe(e));
        }
    }

    private static Options parse(String[] args) {
        String host = "127.0.0.1";
        String portText = "7687";
        String dataDir = ".neo4j-data";
        String pageCache = "1g";
        boolean exitOnStdinEof = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--host" -> host = value(args, ++i, a);
                case "--port" -> portText = value(args, ++i, a);
                case "--data-dir" -> dataDir = value(args, ++i, a);
                case "--page-cache" -> pageCache = value(args, ++i, a);
                case "--exit-on-stdin-eof" -> exitOnStdinEof = true;
                default -> fail(EXIT_USAGE, "unknown argument '" + a
                        + "' (expected --host, --port, --data-dir, --page-cache, --exit-on-stdin-eof)");
            }
        }
        int port = -1;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException ignored) {
            // reported below
        }
        if (port < 1 || port > 65535) {
            fail(EXIT_USAGE, "invalid --port '" + portText + "' (expected 1-65535)");
        }
        if (host.isBlank()) {
            fail(EXIT_USAGE, "--host must not be empty");
        }
        long pageCacheBytes = 0;
        try {
            pageCacheBytes = SettingValueParsers.BYTES.parse(pageCache);
        } catch (RuntimeException e) {
            fail(EXIT_USAGE, "invalid --page-cache '" + pageCache + "' (expected e.g. 512m or 1g)");
        }
        String password = System.getenv("NEO4J_PASSWORD");
        if (password == null || password.isEmpty()) {
            password = DEFAULT_PASSWORD;
        }
        if (password.codePointCount(0, password.length()) < 8) {
            fail(EXIT_USAGE, "NEO4J_PASSWORD must have at least 8 characters (Neo4j 5 minimum)");
        }
        return new Options(host, port, Path.of(dataDir).toAbsolutePath().normalize(), pageCacheBytes, password,
                exitOnStdinEof);
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            fail(EXIT_USAGE, "missing value for " + name);
        }
        return args[i];
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // ignore input; we only care about EOF
            }
        } catch (IOException ignored) {
            // treat as EOF
        }
    }

    private static String formatHost(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e) {
            sb.append(" <- caused by ").append(root.getClass().getSimpleName()).append(": ").append(root.getMessage());
        }
        return sb.toString().replace('\n', ' ');
    }

    private static void info(String message) {
        ERR.println("[embedded-neo4j] " + message);
    }

    /** One line on stderr, then exit; a watchdog halts the JVM if shutdown hooks or Neo4j threads hang. */
    private static void fail(int code, String message) {
        ERR.println("NEO4J_ERROR " + message);
        ERR.flush();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException ignored) {
                // fall through
            }
            Runtime.getRuntime().halt(code);
        }, "exit-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        System.exit(code);
    }
}
