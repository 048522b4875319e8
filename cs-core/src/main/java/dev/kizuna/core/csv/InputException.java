package dev.kizuna.core.csv;

/**
 * A problem with an input file: a file that cannot be read or accepted, or a record in it that breaks its format or
 * a rule of the value it describes. It is the only exception the readers of this package throw for a bad input.
 *
 * <p>The message says where, why and what to do, in the terms of the person who wrote the file:
 * {@code FILE[:LINE[:COLUMN]]: [column 'NAME' | $[INDEX].FIELD]: 'VALUE' is not ...; write ...}. The file is named as
 * it was given ({@link InputFile#name()}); the line is 1-based; a CSV cell is named by its column, a JSON value by its
 * path. A message about several records lists each on a line of its own. The {@code kizuna} tool prints it as
 * {@code kizuna: <message>} and exits with 1.
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with its message, which starts with the file's name (and line, where there is one).
     *
     * @param message the whole message, in the form the class comment gives
     */
    public InputException(String message) {
        super(message);
    }
}
