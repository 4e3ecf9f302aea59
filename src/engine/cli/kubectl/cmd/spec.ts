// The kubectl command tree as plain data: what a *cobra.Command and its *pflag.Flag hold, and
// nothing that runs.
// Mirrors: github.com/spf13/cobra command.go (type Command: Use, Aliases, SuggestFor, Short, Long,
// Example, DisableFlagsInUseLine, Hidden, Flags, PersistentFlags) and github.com/spf13/pflag
// flag.go (type Flag: Name, Shorthand, Usage, DefValue, NoOptDefVal, Deprecated, Hidden), as
// kubectl 1.32 (cobra v1.8.1, pflag v1.0.5) builds them in k8s.io/kubectl/pkg/cmd/cmd.go.
// Left out: Run functions (the lead's command implementations), ValidArgsFunction and the other
// shell-completion hooks, annotations, and cobra's Args validators (no command in the tree uses
// one; kubectl checks its arguments inside Run, with texts the command implementations print).

/**
 * The pflag.Value behind a flag. It decides how a value is parsed and which error a bad value
 * gives. The first eight are pflag's own; the last three are kubectl's global logging flags, which
 * come from Go's `flag` package and klog and parse differently.
 */
export type FlagType =
  | 'bool' //            strconv.ParseBool
  | 'string'
  | 'int' //             strconv.ParseInt(s, 0, 64): "0x10", "0o17", "1_000" are accepted
  | 'int64' //           the same parsing as int
  | 'duration' //        pflag durationValue: time.ParseDuration, its error text kept
  | 'stringArray' //     each use appends one element, commas are not split
  | 'stringSlice' //     each use is read as one CSV record and appended
  | 'stringToString' //  key=value pairs, CSV when there is more than one "="
  | 'goDuration' //      Go flag.Duration wrapped by pflag (--log-flush-frequency): any error is "parse error"
  | 'klogLevel' //       klog.Level (-v): strconv.ParseInt(s, 10, 32)
  | 'vmodule' //         klog moduleSpec (--vmodule): "pattern=N,..."

export interface FlagSpec {
  /** The long name, already in kubectl's normalized form (dashes, not underscores). */
  name: string
  /** One ASCII character, used as `-x`. */
  shorthand?: string
  type: FlagType
  /**
   * pflag's DefValue: the default as Value.String() prints it ("false", "500", "[]", "0s",
   * "5s"). For string flags this is the bare string; kubectl's help adds the quotes.
   */
  default: string
  usage: string
  /** Not listed by --help (pflag MarkHidden). Deprecated flags are hidden too. */
  hidden?: boolean
  /**
   * The value a flag takes when given without one (`--dry-run` means `--dry-run=unchanged`).
   * Bool flags always have "true"; there is no need to write it.
   */
  noOptDefVal?: string
  /** pflag MarkDeprecated: the flag still works, and using it prints "Flag --x has been deprecated, <this>". */
  deprecated?: string
  /** cobra MarkFlagRequired: `required flag(s) "image" not set` when missing. */
  required?: boolean
}

export interface CommandSpec {
  /** cobra Use: the first word is the command's name, the rest is the usage line. */
  use: string
  /** cobra DisableFlagsInUseLine: do not append " [flags]" to the usage line. */
  disableFlagsInUseLine?: boolean
  aliases?: string[]
  /** cobra SuggestFor: words that suggest this command when typed as an unknown command. */
  suggestFor?: string[]
  short: string
  /** Long description exactly as kubectl prints it (after templates.LongDesc normalization). */
  long?: string
  /** Examples exactly as kubectl prints them (after templates.Examples indentation). */
  example?: string
  /**
   * The root-help group this command is listed under (templates.CommandGroup Message, e.g.
   * "Basic Commands (Beginner):"). Without one the command is listed under "Other Commands:".
   */
  group?: string
  /** Local flags, in any order: help lists them sorted by name, as pflag does. */
  flags: FlagSpec[]
  /** Flags this command passes down to all its subcommands (only the root has them). */
  persistentFlags?: FlagSpec[]
  /**
   * Subcommands in kubectl's registration order (cmd.go adds them group by group). The order
   * decides the order of "Did you mean this?" suggestions; help listings sort or group them.
   */
  subcommands?: CommandSpec[]
  /**
   * true: the command runs (the caller implements it). false: it only groups subcommands;
   * kubectl gives such commands cmdutil.DefaultSubCommandRun, which prints the help to stderr and
   * exits 1, or fails with `unknown command "x"` when given arguments. Either way cobra counts it
   * as runnable, so its help still shows "Usage:" and the `kubectl options` hint.
   */
  runnable: boolean
  hidden?: boolean
  /**
   * Root only: the group headings of the root help in order (templates.CommandGroups). A group
   * none of whose commands exist in this tree is left out, unless showWhenEmpty is set.
   */
  commandGroups?: CommandGroupSpec[]
}

export interface CommandGroupSpec {
  message: string
  /**
   * Print the heading even with no commands. kubectl's "Subcommands provided by plugins:" group
   * lists the kubectl-* plugins found on PATH and is printed, empty, when there are none.
   */
  showWhenEmpty?: boolean
}
