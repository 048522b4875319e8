package dev.kizuna.examples.backend;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Paths built and split the way Kizuna's codecs write them. */
class JsonPathsTest {

    @Test
    void fieldsThatAreNotPlainNamesAreQuoted() {
        assertEquals("$.values", JsonPaths.field("$", "values"));
        assertEquals("$.values['usage.logins']", JsonPaths.field("$.values", "usage.logins"));
        assertEquals("$['it\\'s']", JsonPaths.field("$", "it's"));
        assertEquals("$['']", JsonPaths.field("$", ""));
        assertEquals("$.accounts[3]", JsonPaths.element("$.accounts", 3));
    }

    @Test
    void aKizunaMessageSplitsIntoItsPathAndItsProblem() {
        Optional<JsonPaths.Located> located = JsonPaths.split(
                "$.values['usage.logins: x'][2].at: expected a string but found number 3");
        assertEquals("$.values['usage.logins: x'][2].at", located.orElseThrow().path());
        assertEquals("expected a string but found number 3", located.orElseThrow().problem());
        assertEquals("$", JsonPaths.split("$: missing field values").orElseThrow().path());
        assertEquals("$.snapshots[1].values.x",
                JsonPaths.resolve("$.snapshots[1]", JsonPaths.split("$.values.x: bad").orElseThrow().path()));
    }

    @Test
    void aMessageWithoutALeadingPathDoesNotSplit() {
        assertEquals(Optional.empty(), JsonPaths.split("quantity: 0 must be > 0"));
        assertEquals(Optional.empty(), JsonPaths.split("$ has no colon"));
        assertEquals(Optional.empty(), JsonPaths.split("$.values['unclosed: x"));
        assertEquals(Optional.empty(), JsonPaths.split("$[x]: not an index"));
    }
}
