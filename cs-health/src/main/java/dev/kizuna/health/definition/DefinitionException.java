package dev.kizuna.health.definition;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A definition that cannot be accepted, with every problem found in it. The message lists them one a line, after the
 * file they were read from when there is one: a tool prints {@code FILE: PATH: message} for each of
 * {@link #errors()} with {@link #file()}, or just the message.
 */
public final class DefinitionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The problems; a list of records, so serialisable. */
    private final List<DefinitionError> errors;
    /** The file the definition was read from, as it was named; null when it was not read from a file. */
    private final @Nullable String file;
    /** What kind of definition this is, for the message: {@code definition}, {@code playbook definition}. */
    private final String kind;

    /** Creates the exception for the given problems (at least one). */
    public DefinitionException(List<DefinitionError> errors) {
        this(errors, null, "definition");
    }

    /** Creates the exception for one problem. */
    public DefinitionException(String path, String message) {
        this(List.of(new DefinitionError(path, message)));
    }

    private DefinitionException(List<DefinitionError> errors, @Nullable String file, String kind) {
        super(message(errors, file, kind));
        this.errors = List.copyOf(errors);
        this.file = file;
        this.kind = kind;
    }

    /**
     * Returns the same problems, read from {@code file}: the message names it.
     *
     * @param file the file as the user named it, such as {@code models/smb.yaml}
     */
    public DefinitionException inFile(String file) {
        Objects.requireNonNull(file, "file");
        DefinitionException located = new DefinitionException(errors, file, kind);
        located.initCause(this);
        return located;
    }

    /**
     * Returns the same problems as problems of a definition of {@code kind}: the message says, for example,
     * {@code 2 errors in the playbook definition plays.yaml:}.
     *
     * @param kind what the definition defines, such as {@code playbook definition}
     */
    public DefinitionException ofKind(String kind) {
        Objects.requireNonNull(kind, "kind");
        if (kind.isBlank()) {
            throw new IllegalArgumentException("kind: must not be blank");
        }
        if (kind.equals(this.kind)) {
            return this;
        }
        DefinitionException described = new DefinitionException(errors, file, kind);
        described.initCause(this);
        return described;
    }

    /** Returns every problem found, in document order. */
    public List<DefinitionError> errors() {
        return errors;
    }

    /** Returns the file the definition was read from, as it was named, if it was read from one. */
    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    private static String message(List<DefinitionError> errors, @Nullable String file, String kind) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("errors: a definition exception needs at least one error");
        }
        StringBuilder out = new StringBuilder();
        out.append(errors.size() == 1 ? "1 error" : errors.size() + " errors").append(" in the ").append(kind);
        if (file != null) {
            out.append(' ').append(file);
        }
        out.append(':');
        for (DefinitionError e : errors) {
            out.append("\n  ").append(e);
        }
        return out.toString();
    }
}
