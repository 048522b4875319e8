package dev.kizuna.health.definition;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading a definition file as UTF-8 text, with every problem a {@link DefinitionException} naming the file. */
final class DefinitionFiles {
    private DefinitionFiles() {
    }

    /**
     * Returns the text of {@code file}: at most {@code maxChars} characters of UTF-8 (so at most four times as many
     * bytes), with or without a byte-order mark.
     */
    static String read(Path file, int maxChars) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new DefinitionException("", "is a directory, not a definition file").inFile(name);
        }
        long maxBytes = maxChars * 4L;
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (NoSuchFileException e) {
            throw new DefinitionException("", "no such file").inFile(name);
        } catch (AccessDeniedException e) {
            throw new DefinitionException("", "cannot be read: permission denied").inFile(name);
        } catch (IOException e) {
            throw new DefinitionException("", "cannot be read: " + String.valueOf(e.getMessage())).inFile(name);
        }
        if (bytes.length > maxBytes) {
            throw new DefinitionException("", "the file is over the limit of " + maxChars + " characters")
                    .inFile(name);
        }
        return decode(bytes, name);
    }

    /** Decodes strictly: a byte sequence that is not UTF-8 is an error with its line and column. */
    static String decode(byte[] bytes, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < out.position(); i++) {
                if (out.get(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = out.position() - lineStart + 1;
            String what = at < bytes.length && result.length() > 0 && at + result.length() < bytes.length
                    ? "byte " + String.format("0x%02X", bytes[at] & 0xFF) : "a character cut off at the end";
            throw new DefinitionException("", "line " + line + ", column " + column + ": the file is not valid UTF-8"
                    + " (" + what + "); save it as UTF-8").inFile(name);
        }
        out.flip();
        return out.toString();
    }
}
