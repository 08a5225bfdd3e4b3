import type { Category } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { Evidence } from '../evidence';

/**
 * Evidence that speaks against a category, read from the run signals, as data keyed by
 * category: what a senior engineer would check before believing it. Each check returns a
 * sentence, or undefined when the evidence does not contradict the category.
 */
type Check = (evidence: Evidence) => string | undefined;

const fmt = (x: number) => (x >= 10 ? Math.round(x).toString() : x.toFixed(1));

function skewFigure(evidence: Evidence): string | undefined {
  const { taskInputRatio, taskDurationRatio } = evidence.signals;
  if (taskInputRatio !== undefined && taskInputRatio >= 10)
    return `one task read ${fmt(taskInputRatio)}x the median task's input`;
  if (taskDurationRatio !== undefined && taskDurationRatio >= 10)
    return `one task ran ${fmt(taskDurationRatio)}x as long as the median task`;
  return undefined;
}

const CHECKS: Partial<Record<Category, Check[]>> = {
  resource_exhaustion: [
    e => {
      const skew = skewFigure(e);
      return skew
        ? `${skew}: memory ran out on one overloaded task, not across the job, so more memory only moves the limit`
        : undefined;
    },
  ],
  data_skew: [
    e => {
      const { taskInputRatio, taskDurationRatio } = e.signals;
      if (taskInputRatio === undefined && taskDurationRatio === undefined)
        return 'no task figures (max and median task input or duration) show an uneven split';
      const worst = Math.max(taskInputRatio ?? 0, taskDurationRatio ?? 0);
      return worst < 3
        ? `the task figures are even (largest task ${fmt(worst)}x the median)`
        : undefined;
    },
  ],
  small_file_pressure: [
    e =>
      e.signals.taskCount !== undefined && e.signals.taskCount < 1000
        ? `only ${e.signals.taskCount} tasks, not the many thousands small files make`
        : undefined,
  ],
  source_delay: [
    e =>
      e.signals.delaySeconds === 0
        ? 'the run measured no delay of its input (delaySeconds=0)'
        : undefined,
  ],
  config_error: [
    e =>
      e.signals.recentDeploy === false
        ? 'nothing was deployed since the last success (recentDeploy=false)'
        : undefined,
  ],
  code_error: [
    e =>
      e.signals.recentDeploy === false
        ? 'nothing was deployed since the last success (recentDeploy=false)'
        : undefined,
  ],
};

export function signalsAgainst(
  category: Category,
  evidence: Evidence,
): string[] {
  return (CHECKS[category] ?? [])
    .map(check => check(evidence))
    .filter((s): s is string => !!s);
}

/**
 * Categories a failure of the winner's kind is most often mistaken for, in order: when fewer
 * than three categories scored, these fill the list so the reader sees what was ruled out.
 */
export const NEIGHBOURS: Record<Category, Category[]> = {
  schema_drift: ['data_quality', 'code_error'],
  data_quality: ['schema_drift', 'code_error'],
  source_delay: ['dependency_unavailable', 'config_error'],
  permission: ['config_error', 'dependency_unavailable'],
  resource_exhaustion: ['data_skew', 'infrastructure'],
  data_skew: ['resource_exhaustion', 'small_file_pressure'],
  small_file_pressure: ['resource_exhaustion', 'data_skew'],
  dependency_unavailable: ['infrastructure', 'config_error'],
  infrastructure: ['resource_exhaustion', 'dependency_unavailable'],
  code_error: ['config_error', 'data_quality'],
  config_error: ['code_error', 'permission'],
  unknown: ['code_error', 'infrastructure'],
};
