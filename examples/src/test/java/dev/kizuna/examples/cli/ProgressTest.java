package dev.kizuna.examples.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {

    @Test
    void theBarShowsTheShareDoneAndTheCounts() {
        assertEquals("kizuna: scoring accounts [#########           ]  45%  4,500/10,000",
                Progress.bar("scoring accounts", 4_500, 10_000));
        assertEquals("kizuna: x [                    ]   0%  0/3", Progress.bar("x", 0, 3));
        assertEquals("kizuna: x [####################] 100%  3/3", Progress.bar("x", 3, 3));
        assertEquals("kizuna: x [                    ]   0%  0/0", Progress.bar("x", 0, 0), "nothing to do");
        assertEquals("kizuna: reading log.csv [##########          ]  50%  13.7/27.4 MB",
                Progress.byteBar("reading log.csv", 13_700_000, 27_400_000));
    }

    @Test
    void onATerminalTheBarRedrawsOneLineAndTheStageEndsWithItsLine() {
        StringWriter out = new StringWriter();
        Progress p = new Progress(new PrintWriter(out), true, false);
        p.start("scoring accounts");
        p.update(1, 4);
        p.update(4, 4);
        p.done("scored 4 accounts");
        String text = out.toString();
        assertTrue(text.startsWith("\rkizuna: scoring accounts...\u001b[K"), text);
        // The first update comes within 200 ms of the start, so only the final one (always drawn) shows.
        assertTrue(text.contains("\rkizuna: scoring accounts [####################] 100%  4/4\u001b[K"), text);
        assertTrue(text.matches("(?s).*\rkizuna: scored 4 accounts \\(\\d+\\.\\d\\d s\\)\u001b\\[K\\R$"), text);
    }

    @Test
    void plainOutputShowsOnlyTheFinishedStagesLine() {
        StringWriter out = new StringWriter();
        Progress p = new Progress(new PrintWriter(out), false, false);
        p.start("scoring accounts");
        p.update(4_500, 10_000);
        p.update(10_000, 10_000);
        p.update("detail");
        p.done("scored 10,000 accounts");
        assertTrue(out.toString().matches("kizuna: scored 10,000 accounts \\(\\d+\\.\\d\\d s\\)\\R"), out.toString());
    }

    @Test
    void quietShowsNothing() {
        StringWriter out = new StringWriter();
        Progress p = new Progress(new PrintWriter(out), true, true);
        p.start("a");
        p.update(1, 1);
        p.done("b");
        assertEquals("", out.toString());
    }
}
