package io.barometer.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./run.sh}: the whole product on this machine with the 2013 and 2014 editions loaded, ready to be
 * queried; Ctrl-C stops it cleanly. A second run starts from the kept data without loading anything again.
 */
public final class Run {

    private Run() {
    }

    public static void main(String[] args) throws Exception {
        Options o = new Options(args);
        Path root = Path.of("").toAbsolutePath();
        Path data = root.resolve(o.get("data", "BAROMETER_DATA_DIR", "data"));
        String jwt = o.get("jwt-secret", "BAROMETER_JWT_SECRET", Stack.randomSecret());
        String envAdmin = System.getenv("BAROMETER_ADMIN_USER");
        String envPassword = System.getenv("BAROMETER_ADMIN_PASSWORD");
        String[] generated = new String[2];

        Stack.Settings settings = new Stack.Settings(root, data,
                o.get("db", "BAROMETER_DB_URL", null), o.get("db-user", "BAROMETER_DB_USER", "barometer"),
                o.get("db-password", "BAROMETER_DB_PASSWORD", ""), o.integer("pg-port", "BAROMETER_PG_PORT", 54329),
                o.integer("command-port", "BAROMETER_COMMAND_PORT", 8081), o.integer("query-port", "BAROMETER_QUERY_PORT", 8082),
                o.integer("web-port", "BAROMETER_WEB_PORT", 8080),
                jwt, Stack.SERVICE_JVM_OPTIONS);
        String backup = o.get("backup", null, null);
        String restore = o.get("restore", null, null);
        if (backup != null) {
            Backups.backup(settings, root.resolve(backup), Run::say);
            return;
        }
        if (restore != null) {
            Backups.restore(settings, root.resolve(restore), o.flag("force"), Run::say);
            return;
        }
        Instant started = Instant.now();
        Stack stack = Stack.start(settings, Run::say, db -> {
            if (envAdmin != null && envPassword != null) {
                return new String[] {envAdmin, envPassword};
            }
            if (hasAdmin(db)) {
                return null;
            }
            generated[0] = "admin";
            generated[1] = Stack.randomSecret().substring(0, 20);
            return generated.clone();
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("Stopping web, query-service, command-service and the database…");
            try {
                stack.close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
            stopped.countDown();
        }));

        String adminUser = envAdmin != null ? envAdmin : generated[0] != null ? generated[0] : "$BAROMETER_ADMIN_USER";
        String adminPassword = envAdmin != null ? envPassword : generated[1];
        Api api = new Api();
        String commandUrl = stack.command().baseUrl();
        String queryUrl = stack.query().baseUrl();
        if (!referenceLoaded(stack.database())) {
            if (adminPassword == null) {
                say("The reference editions are not loaded and the admin password is unknown: set "
                        + "BAROMETER_ADMIN_USER and BAROMETER_ADMIN_PASSWORD to load them.");
            } else {
                String token = api.token(commandUrl, adminUser, adminPassword);
                for (String file : List.of("bvn-2013.ndjson", "bvn-2014.ndjson")) {
                    Path path = root.resolve("datasets").resolve(file);
                    long lines = Files.lines(path).count();
                    say("Importing " + file + " (" + lines + " lines) through POST /api/import…");
                    Instant t = Instant.now();
                    Api.Reply r = api.importFile(commandUrl, token, path);
                    if (r.status() != 200) {
                        throw new IllegalStateException("import of " + file + " failed: " + r.body());
                    }
                    say("  " + r.json() + " in " + Duration.between(t, Instant.now()).toMillis() + " ms");
                }
            }
        }
        awaitProjections(api, queryUrl);
        say("Ready in " + Duration.between(started, Instant.now()).toSeconds() + " s.");
        printWelcome(stack.web().baseUrl().replace("127.0.0.1", "localhost"), commandUrl, queryUrl, adminUser,
                generated[1]);
        stopped.await();
    }

    private static boolean hasAdmin(Database db) throws SQLException {
        try (Connection c = db.connect(); var rs = c.createStatement().executeQuery("""
                SELECT to_regclass('account') IS NOT NULL
                       AND EXISTS (SELECT 1 FROM information_schema.tables WHERE table_name = 'account')
                """)) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return false;
            }
        }
        try (Connection c = db.connect();
             var rs = c.createStatement().executeQuery("SELECT EXISTS (SELECT 1 FROM account WHERE role = 'ADMIN')")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static boolean referenceLoaded(Database db) throws SQLException {
        try (Connection c = db.connect(); var rs = c.createStatement().executeQuery(
                "SELECT EXISTS (SELECT 1 FROM domain_event_entry WHERE aggregate_identifier = 'campaign/bvn-2014')")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static void awaitProjections(Api api, String queryUrl) throws Exception {
        long last = -1;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (Instant.now().isBefore(deadline)) {
            long lag = api.projectionLag(queryUrl);
            if (lag == 0) {
                say("Projections are up to date.");
                return;
            }
            if (lag != last && lag != Long.MAX_VALUE) {
                say("Projections catching up: " + lag + " events to go");
                last = lag;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        say("Projections are still catching up; the views may lag behind for a while.");
    }

    private static void printWelcome(String webUrl, String commandUrl, String queryUrl, String adminUser,
                                     String generatedPassword) {
        String password = generatedPassword != null ? generatedPassword : "$BAROMETER_ADMIN_PASSWORD";
        System.out.println();
        System.out.println("  Open " + webUrl + "  (sign in as " + adminUser + "; an admin creates respondents' accounts)");
        System.out.println();
        System.out.println("  Barometer is running.");
        System.out.println("    web              " + webUrl);
        System.out.println("    command-service  " + commandUrl + "   (API docs: " + commandUrl + "/swagger-ui.html)");
        System.out.println("    query-service    " + queryUrl + "   (API docs: " + queryUrl + "/swagger-ui.html)");
        if (generatedPassword != null) {
            System.out.println();
            System.out.println("  First admin created: " + adminUser + " / " + generatedPassword);
            System.out.println("  (shown only this once; set BAROMETER_ADMIN_USER/BAROMETER_ADMIN_PASSWORD to choose your own)");
        }
        System.out.println();
        System.out.println("  Try:");
        System.out.println("    TOKEN=$(curl -s " + commandUrl + "/api/auth/token -H 'Content-Type: application/json' \\");
        System.out.println("      -d '{\"username\":\"" + adminUser + "\",\"password\":\"" + password + "\"}' | sed 's/.*\"token\":\"\\([^\"]*\\)\".*/\\1/')");
        System.out.println("    # the 2014 barometer as of its closing, as the report published it");
        System.out.println("    curl -s -H \"Authorization: Bearer $TOKEN\" '" + queryUrl
                + "/api/campaigns/bvn-2014/synthesis?asOf=closing&exclude=nice-metropole'");
        System.out.println("    # 2013 → 2014, each edition as of its own closing");
        System.out.println("    curl -s -H \"Authorization: Bearer $TOKEN\" '" + queryUrl
                + "/api/comparisons?base=bvn-2013&target=bvn-2014'");
        System.out.println("    # who changed Vannes's answers after the closing?");
        System.out.println("    curl -s -H \"Authorization: Bearer $TOKEN\" '" + queryUrl
                + "/api/audit?campaign=bvn-2014&collectivite=vannes&clock=effective&from=2014-03-16T00:00:00%2B01:00'");
        System.out.println();
        System.out.println("  Ctrl-C stops everything; ./run.sh again starts from the kept data in ./data.");
    }

    static void say(String message) {
        System.out.println("[barometer] " + message);
    }
}
