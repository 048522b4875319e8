package dev.kizuna.playbooks.definition;

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

    /** Creates the exception for the given problems (at least one). */
    public DefinitionException(List<DefinitionError> errors) {
        this(errors, null);
    }

    private DefinitionException(List<DefinitionError> errors, @Nullable String file) {
        super(message(errors, file));
        this.errors = List.copyOf(errors);
        this.file = file;
    }

    /**
     * Returns the same problems, read from {@code file}: the message names it.
     *
     * @param file the file as the user named it, such as {@code plays/renewal.yaml}
     */
    public DefinitionException inFile(String file) {
        Objects.requireNonNull(file, "file");
        DefinitionException located = new DefinitionException(errors, file);
        located.initCause(this);
        return located;
    }

    /** Returns the file the definition was read from, as it was named, if it was read from one. */
    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    /** Creates the exception for one problem. */
    public DefinitionException(String path, String message) {
        this(List.of(new DefinitionError(path, message)));
    }

    /** Returns every problem found, in document order. */
    public List<DefinitionError> errors() {
        return errors;
    }

    private static String message(List<DefinitionError> errors, @Nullable String file) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("errors: a definition exception needs at least one error");
        }
        StringBuilder out = new StringBuilder();
        out.append(errors.size() == 1 ? "1 error" : errors.size() + " errors").append(" in the playbook definition");
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
