package io.jvirt.shell;

/** Where the interactive mode gets its lines: a JLine terminal or readline's pipe behaviour. */
interface LineSource extends AutoCloseable {
    /** Interrupted line: the user pressed Ctrl-C; the shell abandons the line and prompts again. */
    String INTERRUPTED = new String("^C");

    /** The next line without its newline, null at end of input, or {@link #INTERRUPTED}. */
    String readLine(String prompt);

    /** Remembers a line in the history. */
    void addHistory(String line);

    /** Saves the history and releases the terminal. */
    @Override
    void close();
}
