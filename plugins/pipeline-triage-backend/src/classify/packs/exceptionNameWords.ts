import type { RuleDef, RulePack } from '../ruleTypes';

/**
 * A low-weight fallback for exception classes the engine does not know: read the words of the
 * class's short name. Libraries name failure classes after what went wrong, following their
 * languages' conventions: Java's (JLS 11 and the Java Tutorials: a class per kind of problem,
 * named `<Problem>Exception` / `<Problem>Error`), Python's PEP 8 ("Exception Names": CapWords,
 * suffix `Error`), Go's (error types named `<Problem>Error`) and the .NET design guidelines
 * (`<Problem>Exception`). So `ProducerBlockedQuotaExceededException` or
 * `ApplicationConfigurationException` says its category even when no rule knows its vendor.
 *
 * Only words that mean one category whatever the vendor are listed; words that vendors use for
 * several (Validation, Timeout, NotFound, Runtime, Execution, IO, Client, Request, Processing,
 * Argument, Parse, Syntax, Conversion, Malformed, Property, Field ...) are left out. A name that
 * also carries a word of another category, or of the transient/network family (Unavailable,
 * Connection, Timeout, Registry ...), is read by nobody here: `CredentialUnavailableError` or
 * `SchemaRegistryError` need their message, which the specific rules read.
 *
 * No word maps to a category whose default is "retry" (dependency_unavailable, infrastructure,
 * source_delay): a class name is not a named transient cause, and this fallback must never be
 * what makes a verdict safe. The weight passes CALIBRATION.minSupport (0.3) on a root, cause or
 * error line and stays below every specific rule, so any of them wins; alone it gives a
 * category at modest confidence (about 0.68) instead of `unknown`.
 */
const WEIGHT = 0.4;

/** Words of the transient/network family: a name with one of them is not read at all. */
const AMBIGUOUS = [
  'Unavailable',
  'Unreachable',
  'Connection',
  'Connect',
  'Network',
  'Socket',
  'Timeout',
  'Timed',
  'Transient',
  // Fetching a credential failed (e.g. botocore CredentialRetrievalError on a metadata timeout).
  'Retrieval',
  'Retry',
  'Retryable',
  'Throttling',
  'Throttled',
  'Rate',
  'Registry',
  'Parse',
  'Parser',
  'Parsing',
  'Syntax',
];

interface WordGroup {
  id: string;
  category: RuleDef['category'];
  description: string;
  /** CamelCase words, each matched whole: `Cron` matches `BadCronError`, not `CroniterError`. */
  words: string[];
  /** Word runs that make a name belong elsewhere, e.g. the JDK's Formatter family. */
  notIn?: string[];
}

const GROUPS: WordGroup[] = [
  {
    id: 'config',
    category: 'config_error',
    description:
      'the failing class is named for configuration (…Config/Configuration/Settings/Cron/Option…)',
    words: [
      'Config',
      'Configs',
      'Configuration',
      'Configurations',
      'Setting',
      'Settings',
      'Cron',
      'Option',
      'Options',
    ],
  },
  {
    id: 'resource',
    category: 'resource_exhaustion',
    description:
      'the failing class is named for an exhausted resource (…Memory/Quota/Capacity/Exhausted/Full…)',
    words: ['Memory', 'Quota', 'Capacity', 'Exhausted', 'Full'],
    // Left to the JVM table's OutOfMemoryError family.
    notIn: ['OutOfMemory'],
  },
  {
    id: 'schema',
    category: 'schema_drift',
    description:
      'the failing class is named for a schema or column mismatch (…Schema/Column…)',
    words: ['Schema', 'Schemas', 'Column', 'Columns'],
  },
  {
    id: 'data',
    category: 'data_quality',
    description:
      'the failing class is named for invalid data (…Constraint/Format/Audit…)',
    words: ['Constraint', 'Constraints', 'Format', 'Audit'],
    // java.util.Formatter's exceptions (UnknownFormatConversionException ...) are bugs in a
    // format string, not bad data.
    notIn: [
      // NumberFormatException: left to the jvm-spark and config-reporting rules, which know it is
      // often a setting read as a number.
      'NumberFormat',
      'UnknownFormat',
      'IllegalFormat',
      'MissingFormat',
      'DuplicateFormat',
      'FormatFlags',
    ],
  },
  {
    id: 'permission',
    category: 'permission',
    description:
      'the failing class is named for denied access (…Unauthorized/Forbidden/Denied/Permission/Credentials…)',
    words: [
      'Unauthorized',
      'Unauthenticated',
      'Forbidden',
      'Denied',
      'Permission',
      'Permissions',
      'Privilege',
      'Privileges',
      'Auth',
      'Authentication',
      'Authorization',
      'Credential',
      'Credentials',
    ],
  },
  {
    id: 'code',
    category: 'code_error',
    description:
      'the failing class is named for a program error (…Compile/Compilation/NotImplemented…)',
    words: ['Compile', 'Compilation', 'Compiler', 'NotImplemented'],
  },
];

const alternation = (words: string[]) => `(?:${words.join('|')})`;

/**
 * A class name as printed on an error line (`pkg.Outer$Inner: message`), whose short name
 * holds one of the group's words and none of the excluded ones. Case-sensitive: the words are
 * CamelCase, and a word ends where the next capital (or digit, `_`) starts.
 */
function classNamePattern(group: WordGroup): string {
  const others = GROUPS.filter(g => g !== group).flatMap(g => g.words);
  const excluded = [...AMBIGUOUS, ...others, ...(group.notIn ?? [])];
  return (
    '(?<![\\w$])(?:[A-Za-z_]\\w*[.$])*(?=[A-Z])' +
    `(?![A-Za-z0-9]*?${alternation(excluded)}(?=[A-Z0-9_]))` +
    `[A-Za-z0-9]*?${alternation(group.words)}(?=[A-Z0-9_])` +
    '[A-Za-z0-9]*?(?:Exception|Error|Failure|Fault)(?=:|\\s*$)'
  );
}

export const exceptionNameWordsPack: RulePack = {
  name: 'exception-name-words',
  origin: 'built-in',
  rules: GROUPS.map(group => ({
    id: `exception-name-word-${group.id}`,
    category: group.category,
    description: group.description,
    patterns: [classNamePattern(group)],
    where: 'error',
    weight: WEIGHT,
  })),
};
