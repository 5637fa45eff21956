package io.barometer.launcher.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The benchmark's concurrent clients: as many on the raw INSERT limit as on the HTTP commands, so that the
 * ratio between the two compares like with like.
 */
final class Clients {

    static final int COUNT = 8;

    private Clients() {
    }

    /** What one client does, given its number (0 to {@link #COUNT} - 1). */
    interface Client {
        void run(int number) throws Exception;
    }

    /** Every client at once, each on its own thread; returns when all have, and throws what any threw. */
    static void runAll(Client client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(COUNT);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < COUNT; i++) {
                int number = i;
                futures.add(pool.submit(() -> {
                    client.run(number);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
