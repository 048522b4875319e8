package dev.kizuna.core.csv;

/**
 * A problem with what the user gave the tool: an input file that cannot be read or accepted, or data on which a
 * command cannot do its work. The message says what, where (the file, its line, column or JSON path) and what to do,
 * in the tool's terms. {@link KizunaCommand} prints it as {@code kizuna: <message>} and exits with 1, without a stack
 * trace. Every reader of the tool throws this exception, and only this one, for a bad input.
 */
final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with its message. */
    InputException(String message) {
        super(message);
    }
}
