package dev.kizuna.core.csv;

import org.jspecify.annotations.Nullable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
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
import java.util.Locale;
import java.util.Objects;

/**
 * One input file, and the one way Kizuna's readers (and the {@code kizuna} tool) read any file they are given: data
 * files, definitions, fitted models, portfolio directories' files.
 *
 * <p>{@link #of(Path)} checks that the file exists, is a regular file, is readable and is at most
 * {@link #MAX_BYTES} bytes. {@link #reader()} decodes it as UTF-8, strictly: a byte-order mark at the start (as
 * Excel's "CSV UTF-8" writes) is skipped, and a byte sequence that is not UTF-8 stops the reading with an
 * {@link InputException} naming the file, the line and the byte offset. Every problem is an {@link InputException}
 * whose message starts with the file's name, never an {@link IOException} or a stack trace.
 */
public final class InputFile {
    /** The largest file read, in bytes: 256 MiB, the JSON reader's document limit. */
    public static final long MAX_BYTES = 256L * 1024 * 1024;

    private final String name;
    private final @Nullable Path path;
    private final byte @Nullable [] bytes;

    private InputFile(String name, @Nullable Path path, byte @Nullable [] bytes) {
        this.name = name;
        this.path = path;
        this.bytes = bytes;
    }

    /**
     * Returns the file at {@code file}, named in messages as written.
     *
     * @param file the file's path
     * @return the file, checked but not read yet
     * @throws InputException if there is no such file, it is a directory, it cannot be read or it is over the limit
     */
    public static InputFile of(Path file) {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(name + ": is a directory; give a file");
        }
        if (!Files.exists(file)) {
            throw new InputException(name + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(name + ": not a regular file; give a file");
        }
        if (!Files.isReadable(file)) {
            throw new InputException(name + ": cannot be read: permission denied");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw cannotRead(name, e);
        }
        checkSize(name, size);
        return new InputFile(name, file, null);
    }

    /**
     * Returns a file held in memory, named {@code name} in messages (its extension chooses the format, as a path's
     * would): for tests, fuzzing and embedding.
     *
     * @param name  the name messages give the file
     * @param bytes the file's content, copied
     * @return the file
     * @throws InputException if the bytes are over the limit
     */
    public static InputFile of(String name, byte[] bytes) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
        checkSize(name, bytes.length);
        return new InputFile(name, null, bytes.clone());
    }

    private static void checkSize(String name, long size) {
        if (size > MAX_BYTES) {
            throw new InputException(String.format(Locale.ROOT, "%s: %,d bytes, over the limit of %,d bytes (256 MiB)"
                    + "; split the file", name, size, MAX_BYTES));
        }
    }

    /**
     * Returns the name messages give the file: its path as given.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns whether the file name ends in {@code extension} (such as {@code ".json"}), ignoring case.
     *
     * @param extension the ending, in lower case
     * @return whether the name ends in it
     */
    public boolean hasExtension(String extension) {
        Path file = path;
        String fileName = file == null ? name : String.valueOf(file.getFileName());
        return fileName.toLowerCase(Locale.ROOT).endsWith(extension);
    }

    /**
     * Opens the file as text: UTF-8 decoded strictly, a leading byte-order mark skipped. The reader throws an
     * {@link InputException} (unchecked) for a byte sequence that is not UTF-8.
     *
     * @return a reader of the text, to be closed by the caller
     * @throws InputException if the file cannot be opened
     */
    public Reader reader() {
        InputStream in;
        byte[] held = bytes;
        Path file = path;
        if (held != null || file == null) {
            in = new ByteArrayInputStream(held == null ? new byte[0] : held);
        } else {
            try {
                in = Files.newInputStream(file);
            } catch (IOException e) {
                throw cannotRead(name, e);
            }
        }
        return new StrictUtf8Reader(name, in);
    }

    /**
     * Returns the whole text of the file, read as {@link #reader()} reads it.
     *
     * @param maxChars the most characters accepted
     * @return the text
     * @throws InputException if the file is not UTF-8, has more than {@code maxChars} characters or cannot be read
     */
    public String text(int maxChars) {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[8192];
        try (Reader r = reader()) {
            for (int n = r.read(buffer); n >= 0; n = r.read(buffer)) {
                out.append(buffer, 0, n);
                if (out.length() > maxChars) {
                    throw new InputException(String.format(Locale.ROOT, "%s: over the limit of %,d characters",
                            name, maxChars));
                }
            }
        } catch (IOException e) {
            throw cannotRead(name, e);
        }
        return out.toString();
    }

    /**
     * Returns the exception of a file that exists but cannot be read (permissions, I/O errors).
     *
     * @param name the file's name, as messages give it
     * @param e    the failure
     * @return the exception to throw
     */
    public static InputException cannotRead(String name, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new InputException(name + ": no such file");
        }
        if (e instanceof AccessDeniedException) {
            return new InputException(name + ": cannot be read: permission denied");
        }
        return new InputException(name + ": cannot be read: " + e.getMessage());
    }

    /**
     * Decodes UTF-8 strictly, counting lines and bytes so that a malformed sequence is reported where it is. Skips a
     * byte-order mark at the start.
     */
    private static final class StrictUtf8Reader extends Reader {
        private static final int BUFFER = 8192;

        private final String name;
        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
        private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();
        /** The bytes consumed before {@code bytes}' content. */
        private long offset;
        /** The line feeds decoded so far. */
        private long lineFeeds;
        private boolean endOfInput;
        private boolean flushed;
        private boolean started;

        StrictUtf8Reader(String name, InputStream in) {
            this.name = name;
            this.in = in;
        }

        @Override
        public int read(char[] target, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, target.length);
            if (len == 0) {
                return 0;
            }
            while (!chars.hasRemaining()) {
                if (!fill()) {
                    return -1;
                }
            }
            int n = Math.min(len, chars.remaining());
            chars.get(target, off, n);
            return n;
        }

        /** Decodes more characters into {@code chars}; returns false at the end of the input. */
        private boolean fill() throws IOException {
            if (flushed) {
                return false;
            }
            chars.clear();
            if (!endOfInput && bytes.remaining() < 4) {
                offset += bytes.position();
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    endOfInput = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
            }
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                chars.flip();
                countLineFeeds();
                throw malformed(result.length());
            }
            if (endOfInput && !bytes.hasRemaining()) {
                decoder.flush(chars);
                flushed = true;
            }
            chars.flip();
            if (!started && chars.hasRemaining()) {
                started = true;
                if (chars.get(chars.position()) == '\uFEFF') {
                    chars.get();
                }
            }
            countLineFeeds();
            return chars.hasRemaining() || !flushed;
        }

        private void countLineFeeds() {
            for (int i = chars.position(); i < chars.limit(); i++) {
                lineFeeds += chars.get(i) == '\n' ? 1 : 0;
            }
        }

        private InputException malformed(int length) {
            long at = offset + bytes.position();
            StringBuilder seen = new StringBuilder();
            for (int i = 0; i < length && bytes.position() + i < bytes.limit(); i++) {
                seen.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "0x%02X",
                        bytes.get(bytes.position() + i) & 0xFF));
            }
            String hint = at == 0 && length >= 1 && isUtf16Mark() ? " (the file looks like UTF-16)" : "";
            return new InputException(String.format(Locale.ROOT, "%s:%d: not UTF-8 at byte offset %,d (%s)%s; the tool"
                    + " reads UTF-8 text only: save the file as UTF-8 (in Excel: \"CSV UTF-8\")", name, lineFeeds + 1,
                    at, seen, hint));
        }

        private boolean isUtf16Mark() {
            if (bytes.limit() - bytes.position() < 2) {
                return false;
            }
            int first = bytes.get(bytes.position()) & 0xFF;
            int second = bytes.get(bytes.position() + 1) & 0xFF;
            return (first == 0xFF && second == 0xFE) || (first == 0xFE && second == 0xFF);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
