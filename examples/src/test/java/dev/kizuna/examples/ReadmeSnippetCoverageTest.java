package dev.kizuna.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every {@code ```java} block of every {@code README.md} in the repository is a marked region of a Java source file
 * (a test that runs it and asserts what it computes, or a module descriptor), so that no README shows code that
 * does not compile or does not do what its comments say.
 *
 * <p>A region lies between the lines {@code // README: <name> BEGIN} and {@code // README: <name> END}. The regions
 * of one name in one file join in their order, so that a snippet's imports (at the top of the test file) and its
 * code (inside a test method) form one snippet. A snippet matches a region when their lines are equal with
 * indentation, runs of blanks and empty lines ignored. The check fails naming the README, the line and the first
 * line of each snippet that no region matches, and each region that no README shows.
 */
class ReadmeSnippetCoverageTest {
    /** The project root: Maven runs the tests in the module's directory, {@code examples}. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern MARKER = Pattern.compile("^\\s*// README: (\\S+) (BEGIN|END)\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*```\\s*(\\S*)\\s*$");

    /** A {@code ```java} block of a README: the line of its first code line, and its text. */
    record Snippet(Path readme, int line, String text) {
        String where() {
            String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
            return ROOT.relativize(readme) + ":" + line + ": " + first;
        }
    }

    /** The joined regions of one name in one source file. */
    record Region(Path file, String name, String text) {
        String where() {
            return ROOT.relativize(file) + ": region '" + name + "'";
        }
    }

    @Test
    void everyJavaSnippetOfEveryReadmeIsAMarkedRegionOfASourceFile() {
        List<Snippet> snippets = snippets();
        assertTrue(snippets.size() >= 16, "the READMEs hold at least 16 Java snippets, found " + snippets.size());
        List<String> uncovered = uncovered(snippets, regions());
        assertTrue(uncovered.isEmpty(), () -> uncovered.size() + " README snippets are not (or no longer) a marked"
                + " region of a test, see ReadmeSnippetCoverageTest:\n" + String.join("\n", uncovered));
    }

    @Test
    void everyMarkedRegionIsShownInAReadme() {
        Set<String> shown = snippets().stream().map(s -> normalise(s.text())).collect(Collectors.toSet());
        List<String> unshown = regions().stream().filter(r -> !shown.contains(normalise(r.text())))
                .map(Region::where).toList();
        assertTrue(unshown.isEmpty(), () -> "marked regions that no README shows (a README changed, or the marker is"
                + " stale):\n" + String.join("\n", unshown));
    }

    @Test
    void aSnippetThatDriftsFromItsRegionIsReportedWithItsReadmeLineAndFirstLine() {
        Path readme = ROOT.resolve("README.md");
        List<Snippet> snippets = snippets(readme, """
                # Title

                ```java
                int a = 1;
                    int b =  a + 1;   // two
                ```

                ```sh
                echo not java
                ```
                ```java
                int c = 3;
                ```
                """);
        assertEquals(2, snippets.size());
        assertEquals(4, snippets.get(0).line());
        Path test = ROOT.resolve("examples/src/test/java/Example.java");
        List<Region> regions = regions(test, """
                class Example {
                    void run() {
                        // MARK: first BEGIN
                        int a = 1;

                        int b = a + 1; // two
                        // MARK: first END
                        // MARK: third BEGIN
                        int c = 4;
                        // MARK: third END
                    }
                }
                """.replace("// MARK:", "// README:"));
        assertEquals(List.of("README.md:12: int c = 3;"), uncovered(snippets, regions));
    }

    @Test
    void regionsOfOneNameJoinAndUnbalancedMarkersFail() {
        Path file = ROOT.resolve("Example.java");
        List<Region> joined = regions(file, """
                // MARK: s BEGIN
                import java.util.List;
                // MARK: s END
                class Example {
                    // MARK: s BEGIN
                    List<String> names = List.of();
                    // MARK: s END
                }
                """.replace("// MARK:", "// README:"));
        assertEquals(List.of(new Region(file, "s", "import java.util.List;\n    List<String> names = List.of();\n")),
                joined);
        IllegalStateException open = assertThrows(IllegalStateException.class,
                () -> regions(file, "// MARK: s BEGIN\nint a;\n".replace("// MARK:", "// README:")));
        assertEquals("Example.java:1: region 's' has no END", open.getMessage());
        IllegalStateException stray = assertThrows(IllegalStateException.class,
                () -> regions(file, "int a;\n// MARK: s END\n".replace("// MARK:", "// README:")));
        assertEquals("Example.java:2: END of region 's', which is not open", stray.getMessage());
    }

    /** Returns, for each snippet no region matches, where it is and its first line. */
    static List<String> uncovered(List<Snippet> snippets, List<Region> regions) {
        Set<String> marked = regions.stream().map(r -> normalise(r.text())).collect(Collectors.toSet());
        return snippets.stream().filter(s -> !marked.contains(normalise(s.text()))).map(Snippet::where).toList();
    }

    /** The lines, each stripped and with runs of blanks made one, empty lines left out. */
    static String normalise(String text) {
        return text.lines().map(l -> l.strip().replaceAll("\\s+", " ")).filter(l -> !l.isEmpty())
                .collect(Collectors.joining("\n"));
    }

    private static List<Snippet> snippets() {
        List<Snippet> out = new ArrayList<>();
        for (Path readme : files("README.md")) {
            out.addAll(snippets(readme, read(readme)));
        }
        return out;
    }

    static List<Snippet> snippets(Path readme, String markdown) {
        List<Snippet> out = new ArrayList<>();
        List<String> lines = markdown.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !FENCE.matcher(lines.get(end)).matches()) {
                end++;
            }
            if (open.group(1).equals("java")) {
                out.add(new Snippet(readme, start + 1, String.join("\n", lines.subList(start, end)) + "\n"));
            }
            i = end;
        }
        return out;
    }

    private static List<Region> regions() {
        List<Region> out = new ArrayList<>();
        for (Path source : files(".java")) {
            String text = read(source);
            if (text.contains("// README: ")) {
                out.addAll(regions(source, text));
            }
        }
        return out;
    }

    static List<Region> regions(Path file, String source) {
        Map<String, StringBuilder> joined = new LinkedHashMap<>();
        String open = null;
        int openedAt = 0;
        List<String> lines = source.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARKER.matcher(lines.get(i));
            if (m.matches()) {
                String name = m.group(1);
                if (m.group(2).equals("BEGIN")) {
                    if (open != null) {
                        throw new IllegalStateException(file.getFileName() + ":" + (i + 1) + ": region '" + name
                                + "' begins inside region '" + open + "'");
                    }
                    open = name;
                    openedAt = i + 1;
                    joined.computeIfAbsent(name, n -> new StringBuilder());
                } else {
                    if (!name.equals(open)) {
                        throw new IllegalStateException(file.getFileName() + ":" + (i + 1) + ": END of region '"
                                + name + "', which is not open");
                    }
                    open = null;
                }
            } else if (open != null) {
                joined.get(open).append(lines.get(i)).append('\n');
            }
        }
        if (open != null) {
            throw new IllegalStateException(file.getFileName() + ":" + openedAt + ": region '" + open
                    + "' has no END");
        }
        List<Region> out = new ArrayList<>();
        joined.forEach((name, text) -> out.add(new Region(file, name, text.toString())));
        return out;
    }

    /** The files under the root whose name ends so, outside build output and hidden directories. */
    private static Set<Path> files(String suffix) {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .filter(p -> {
                        for (Path part : ROOT.relativize(p)) {
                            String name = part.toString();
                            if (name.equals("target") || name.equals("node_modules") || name.startsWith(".")) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
