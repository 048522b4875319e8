package dev.kizuna.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of long work on standard error. On a terminal one line is rewritten in place while a stage runs; otherwise
 * (a pipe, a file, a test) each finished stage is one plain line. Standard output stays for results only.
 */
public final class Progress {
    private static final String CLEAR_TO_END = "\u001b[K";
    private static final long UPDATE_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final boolean quiet;
    private String task = "";
    private long started;
    private long lastUpdate;

    public Progress(PrintWriter err, boolean terminal, boolean quiet) {
        this.err = err;
        this.terminal = terminal;
        this.quiet = quiet;
    }

    /** Progress to the command's error stream; a terminal when the JVM has a console. */
    public static Progress of(PrintWriter err, boolean quiet) {
        return new Progress(err, System.console() != null, quiet);
    }

    /** Starts a stage, such as "reading sales.csv". */
    public void start(String what) {
        task = what;
        started = System.nanoTime();
        lastUpdate = started;
        if (terminal && !quiet) {
            err.print("\rkizuna: " + what + "..." + CLEAR_TO_END);
            err.flush();
        }
    }

    /** Shows how far the stage has got, at most five times a second and only on a terminal. */
    public void update(String detail) {
        long now = System.nanoTime();
        if (terminal && !quiet && now - lastUpdate >= UPDATE_NANOS) {
            lastUpdate = now;
            err.print("\rkizuna: " + task + ": " + detail + CLEAR_TO_END);
            err.flush();
        }
    }

    /**
     * Shows how far the stage has got as a bar, such as
     * {@code kizuna: scoring accounts [#########           ] 45%  4,500/10,000}: at most five times a second and
     * only on a terminal (plain output shows the finished stage's line only). The last update ({@code done == total})
     * always draws.
     */
    public void update(long done, long total) {
        draw(done, total, false);
    }

    /**
     * Shows how much of a file has been read as a bar, such as
     * {@code kizuna: reading log.csv [#########           ] 45%  12.3/27.4 MB}; as {@link #update(long, long)}.
     */
    public void updateBytes(long done, long total) {
        draw(done, total, true);
    }

    private void draw(long done, long total, boolean bytes) {
        long now = System.nanoTime();
        if (terminal && !quiet && (now - lastUpdate >= UPDATE_NANOS || (done >= total && total > 0))) {
            lastUpdate = now;
            err.print("\r" + (bytes ? byteBar(task, done, total) : bar(task, done, total)) + CLEAR_TO_END);
            err.flush();
        }
    }

    /** The width of the bar, in characters between the brackets. */
    public static final int BAR_WIDTH = 20;

    /** Returns the progress line of a stage: its name, a bar, the percentage and the counts. */
    public static String bar(String task, long done, long total) {
        return String.format(Locale.ROOT, "%s  %,d/%,d", head(task, done, total), done, total);
    }

    /** Returns the progress line of reading a file: its name, a bar, the percentage and the megabytes. */
    public static String byteBar(String task, long done, long total) {
        return String.format(Locale.ROOT, "%s  %.1f/%.1f MB", head(task, done, total), done / 1e6, total / 1e6);
    }

    private static String head(String task, long done, long total) {
        double share = total <= 0 ? 0 : Math.max(0, Math.min(1, (double) done / total));
        int filled = (int) Math.floor(share * BAR_WIDTH);
        return String.format(Locale.ROOT, "kizuna: %s [%s%s] %3d%%", task, "#".repeat(filled),
                " ".repeat(BAR_WIDTH - filled), (int) Math.floor(share * 100));
    }

    /** Ends the stage with a line that says what it did and how long it took. */
    public void done(String result) {
        if (quiet) {
            return;
        }
        String line = String.format(Locale.ROOT, "kizuna: %s (%.2f s)", result, (System.nanoTime() - started) / 1e9);
        if (terminal) {
            err.print("\r" + line + CLEAR_TO_END + System.lineSeparator());
        } else {
            err.println(line);
        }
        err.flush();
    }
}
