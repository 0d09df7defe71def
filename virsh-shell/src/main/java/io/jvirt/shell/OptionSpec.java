package io.jvirt.shell;

import java.util.Set;

/**
 * One option of a command, as virsh's {@code vshCmdOptDef}: its long name, kind, whether it is
 * required, whether it may be given positionally, and the help line {@code help CMD} prints.
 *
 * @param name       the long name, without dashes
 * @param type       how the parser takes it
 * @param required   the command fails without it ({@code DATA} and required {@code INT})
 * @param named      only {@code --name value} fills it, never a bare word (virsh's REQ_OPT)
 * @param emptyOk    an empty value is accepted
 * @param help       the help line; for an {@link OptionType#ALIAS}, the target option's name
 * @param completion what tab completion offers for the value
 */
record OptionSpec(String name, OptionType type, boolean required, boolean named, boolean emptyOk,
        String help, Completion completion) {

    /** Flags of string and int options. */
    enum Opt { NAMED, EMPTY_OK }

    /** True when a bare word can fill this option (virsh's "opts_need_arg" bit). */
    boolean positional() {
        return type != OptionType.BOOL && type != OptionType.ALIAS && !named;
    }

    static OptionSpec bool(String name, String help) {
        return new OptionSpec(name, OptionType.BOOL, false, false, false, help, Completion.NONE);
    }

    static OptionSpec data(String name, String help) {
        return data(name, help, Completion.NONE);
    }

    static OptionSpec data(String name, String help, Completion completion) {
        return new OptionSpec(name, OptionType.DATA, true, false, false, help, completion);
    }

    /** virsh's usual {@code <domain>} argument: a name, id or UUID, completed from the connection. */
    static OptionSpec domainArg() {
        return data("domain", "domain name, id or uuid", Completion.DOMAIN);
    }

    /** virsh's VIRSH_COMMON_OPT_VOL_FULL: the {@code <vol>} argument of the vol-* commands. */
    static OptionSpec volumeArg() {
        return data("vol", "vol name, key or path", Completion.VOLUME);
    }

    /** virsh's VIRSH_COMMON_OPT_POOL_OPTIONAL: {@code --pool}, where a volume named by its name lives. */
    static OptionSpec poolOption() {
        return string("pool", "pool name or uuid", Completion.POOL);
    }

    static OptionSpec string(String name, String help, Opt... flags) {
        return string(name, help, Completion.NONE, flags);
    }

    static OptionSpec string(String name, String help, Completion completion, Opt... flags) {
        Set<Opt> set = flags.length == 0 ? Set.of() : Set.of(flags);
        return new OptionSpec(name, OptionType.STRING, false, set.contains(Opt.NAMED),
                set.contains(Opt.EMPTY_OK), help, completion);
    }

    static OptionSpec integer(String name, String help, Opt... flags) {
        Set<Opt> set = flags.length == 0 ? Set.of() : Set.of(flags);
        return new OptionSpec(name, OptionType.INT, false, set.contains(Opt.NAMED), false, help,
                Completion.NONE);
    }

    static OptionSpec requiredInt(String name, String help) {
        return new OptionSpec(name, OptionType.INT, true, false, false, help, Completion.NONE);
    }

    static OptionSpec argv(String name, String help) {
        return new OptionSpec(name, OptionType.ARGV, false, false, false, help, Completion.NONE);
    }

    static OptionSpec argv(String name, String help, Completion completion, Opt... flags) {
        Set<Opt> set = flags.length == 0 ? Set.of() : Set.of(flags);
        return new OptionSpec(name, OptionType.ARGV, false, false, set.contains(Opt.EMPTY_OK), help,
                completion);
    }

    /**
     * {@code --name} as another spelling of {@code target}; {@code target} may be
     * {@code "option=value"}, making a boolean spelling of a valued option (echo's {@code --hi}).
     */
    static OptionSpec alias(String name, String target) {
        return new OptionSpec(name, OptionType.ALIAS, false, false, false, target, Completion.NONE);
    }
}
