package dev.kizuna.playbooks.definition;

import java.util.List;

/**
 * A definition that cannot be accepted, with every problem found in it. The message lists them one a line.
 */
public final class DefinitionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The problems; a list of records, so serialisable. */
    private final List<DefinitionError> errors;

    /** Creates the exception for the given problems (at least one). */
    public DefinitionException(List<DefinitionError> errors) {
        super(message(errors));
        this.errors = List.copyOf(errors);
    }

    /** Creates the exception for one problem. */
    public DefinitionException(String path, String message) {
        this(List.of(new DefinitionError(path, message)));
    }

    /** Returns every problem found, in document order. */
    public List<DefinitionError> errors() {
        return errors;
    }

    private static String message(List<DefinitionError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("errors: a definition exception needs at least one error");
        }
        StringBuilder out = new StringBuilder();
        out.append(errors.size() == 1 ? "1 error" : errors.size() + " errors").append(" in the playbook definition:");
        for (DefinitionError e : errors) {
            out.append("\n  ").append(e);
        }
        return out.toString();
    }
}
