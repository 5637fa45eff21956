package io.barometer.launcher.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import io.barometer.launcher.Backup;
import io.barometer.launcher.Database;

/**
 * {@code ./run.sh --backup} of the store at its largest size, with both services up (idle): how long a
 * disaster's insurance takes, and how much disk it needs.
 */
final class BackupProbe {

    private final Database database;

    BackupProbe(Database database) {
        this.database = database;
    }

    /** The backup is written in {@code directory} and deleted once measured. */
    Results.BackupSpeed measure(Path directory) throws Exception {
        Path file = directory.resolve("bench-backup.zip");
        long t0 = System.nanoTime();
        Backup.Manifest manifest;
        try (var c = database.connect()) {
            manifest = Backup.take(c, file);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Results.BackupSpeed speed = new Results.BackupSpeed(manifest.events(), manifest.tables().size(), Stats.round(seconds),
                Stats.round(manifest.events() / seconds), Stats.round(Files.size(file) / 1_048_576.0));
        Files.delete(file);
        return speed;
    }
}
