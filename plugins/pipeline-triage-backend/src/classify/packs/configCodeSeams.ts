import type { RulePack } from '../ruleTypes';

/**
 * Where a configuration error and a code error read alike, told apart the way each tool
 * words them (issue 17, round cfgcode6). Configuration and code errors are deterministic:
 * nothing here is evidence for a retry.
 *
 * Sources:
 * - Python import system (docs.python.org, "The import system", and `ModuleNotFoundError`):
 *   `No module named 'x'` names the first part of the dotted path that could not be found. A
 *   bare top-level name is a distribution that is not installed where the code runs (the MWAA
 *   and Astro troubleshooting pages for "Broken DAG: No module named ..." say: add it to
 *   requirements.txt); a dotted path inside the project (`finance.utils.fx`) is the project's
 *   own import and stays with the code rules.
 * - PySpark worker handshake (pyspark/worker.py; pyspark/errors/error-conditions.json,
 *   PYTHON_VERSION_MISMATCH): "Python in worker has different version X than that in driver Y,
 *   PySpark cannot run with different minor versions. Please check environment variables
 *   PYSPARK_PYTHON and PYSPARK_DRIVER_PYTHON".
 * - Jinja2 StrictUndefined (jinja2/runtime.py, `Undefined._undefined_message`): a missing
 *   top-level name reads `'x' is undefined`; a missing key or attribute of an object that
 *   exists reads `'<type> object' has no attribute 'x'`, where `'dict object'` is a mapping
 *   handed to the template at run time (Airflow `params`, `dag_run.conf`, `var.json`; the
 *   task SDK logs "Exception rendering Jinja template for task ..., field ...").
 *   `TemplateSyntaxError` (jinja2/exceptions.py) is raised while compiling a template's
 *   source: the template text itself is wrong.
 * - Apache Oozie (core/src/main/java/org/apache/oozie/util/ELEvaluator.java and
 *   ErrorCode.java): an EL variable without a value fails as "variable [x] cannot be
 *   resolved" (reported under E0803/E0804 when a submission is parsed), and E0738 "The
 *   following N parameters are required but were not defined and no default values are
 *   available".
 * - Apache Airflow Celery executor (airflow/executors/celery_executor.py `_execute_in_fork`,
 *   providers celery `execute_command`): "Celery command failed on host" is raised for any
 *   non-zero exit of the forked `airflow tasks run`, whatever made it exit; it says nothing of
 *   the worker itself.
 */
export const configCodeSeamsPack: RulePack = {
  name: 'config-code-seams',
  origin: 'built-in',
  rules: [
    {
      // A single top-level module name that is not importable: a package missing from the
      // image or virtualenv. Outweighs the generic "Broken DAG is code" reading; a dotted
      // project path does not match.
      id: 'python-top-level-distribution-missing',
      category: 'config_error',
      description:
        'a top-level Python package is not installed where the code runs',
      patterns: [
        "(?:ModuleNotFoundError|ImportError): No module named '[A-Za-z_]\\w*'",
      ],
      where: 'chain',
      weight: 0.86,
      explains: ['code_error'],
    },
    {
      id: 'pyspark-python-version-mismatch',
      category: 'config_error',
      description:
        'the executors run another Python minor version than the driver (PYSPARK_PYTHON)',
      patterns: [
        'PYTHON_VERSION_MISMATCH|Python in worker has different version:? [\\d.]+ than that in driver',
      ],
      where: 'any',
      weight: 0.93,
      explains: ['code_error', 'infrastructure'],
    },
    {
      // A key the template reads from a run-time mapping is absent: the run was started
      // without a parameter or conf value the template expects.
      id: 'jinja-undefined-key-of-runtime-mapping',
      category: 'config_error',
      description:
        "a template reads a key the run's parameters or conf do not supply (Jinja 'dict object' has no attribute)",
      patterns: ["UndefinedError: 'dict object' has no attribute '[^']+'"],
      requires: [
        'Exception rendering Jinja template|\\{\\{ ?(?:params|dag_run\\.conf|var\\.json)\\b',
      ],
      where: 'any',
      weight: 0.8,
      explains: ['code_error'],
    },
    {
      // A name the template uses exists nowhere in its context: a typo or a macro/variable
      // the template's author never defined.
      id: 'jinja-undefined-name',
      category: 'code_error',
      description: 'a template uses a name that is not defined (Jinja)',
      patterns: ["UndefinedError: '\\w+' is undefined"],
      where: 'any',
      weight: 0.7,
    },
    {
      id: 'jinja-template-syntax-error',
      category: 'code_error',
      description:
        "a template's source does not compile (Jinja TemplateSyntaxError)",
      patterns: [
        'jinja2\\.exceptions\\.TemplateSyntaxError|\\bTemplateSyntaxError: ',
      ],
      where: 'any',
      weight: 0.72,
    },
    {
      id: 'oozie-el-variable-unresolved',
      category: 'config_error',
      description:
        'an Oozie workflow references a variable no job property or default defines',
      patterns: [
        'variable \\[[^\\]]+\\] cannot be resolved|\\bE0738\\b.{0,40}parameters are required but were not defined',
      ],
      where: 'any',
      weight: 0.9,
      explains: ['code_error', 'infrastructure'],
    },
  ],
};
