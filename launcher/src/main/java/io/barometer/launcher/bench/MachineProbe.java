package io.barometer.launcher.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;

import com.sun.management.OperatingSystemMXBean;

/** The machine the figures were measured on, and how fast it ran at the start and at the end of the run. */
final class MachineProbe {

    private MachineProbe() {
    }

    static Results.Machine describe() {
        String cpu = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new ProcessBuilder("sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").start().getInputStream()))) {
            String line = r.readLine();
            if (line != null) {
                cpu = line.trim();
            }
        } catch (Exception ignored) {
            // not Linux: the cores and JVM are enough
        }
        long memoryGb = Math.round(((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() / 1e9);
        return new Results.Machine(Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), cpu, memoryGb, cpuMillis(), null);
    }

    /**
     * A fixed piece of work on one thread (SHA-256 of 256 MB), timed: this machine's speed moves by half from one
     * hour to the next, and pgbench, bound by the disk's flushes, does not show it. Lower is faster.
     */
    static long cpuMillis() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] block = new byte[1 << 20];
            new Random(7).nextBytes(block);
            for (int i = 0; i < 32; i++) {
                sha.update(block);
            }
            sha.digest();
            long t0 = System.nanoTime();
            for (int i = 0; i < 256; i++) {
                sha.update(block);
            }
            sha.digest();
            return (System.nanoTime() - t0) / 1_000_000;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
