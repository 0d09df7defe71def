package io.jvirt.shell;

/** The kinds of command option virsh knows ({@code vshCmdOptType}); they decide how a word is taken. */
enum OptionType {
    /** {@code --name} alone; never positional. */
    BOOL,
    /** {@code --name value}, or positional unless {@link OptionSpec#named()}. */
    STRING,
    /** As {@link #STRING}, holding a number; required ones come before the optional options. */
    INT,
    /** A required value, positional or {@code --name value}. */
    DATA,
    /** All remaining positional words (always last). */
    ARGV,
    /** Another spelling of a later option ({@code --kilobytes} for {@code --size}). */
    ALIAS
}
