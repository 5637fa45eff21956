package io.barometer.launcher;

import java.util.Arrays;

/** Entry point of run.sh and bench.sh: {@code run [options]} or {@code bench [options]}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String verb = args.length == 0 ? "run" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (verb) {
            case "run" -> Run.main(rest);
            case "bench" -> io.barometer.launcher.bench.Bench.main(rest);
            default -> {
                System.err.println("usage: run [--db URL] ... | bench [--smoke] ...");
                System.exit(2);
            }
        }
    }
}
