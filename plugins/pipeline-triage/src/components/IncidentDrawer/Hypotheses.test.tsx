import { render, screen, within } from '@testing-library/react';
import {
  Classification,
  WORD_MODEL_RULE,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { Hypotheses, MissingEvidenceView } from './Hypotheses';

const classification: Classification = {
  category: 'data_skew',
  domain: 'data',
  confidence: 0.93,
  evidence: ['L2'],
  rules: ['spark-task-input-skew'],
  source: 'rules',
  hypotheses: [
    {
      category: 'data_skew',
      score: 0.91,
      rules: ['spark-task-input-skew'],
      reason: 'one task read 100x the median input',
    },
    {
      category: 'resource_exhaustion',
      score: 0.42,
      rules: ['jvm-heap-oom'],
      reason: 'explained as a symptom by spark-task-input-skew',
      against: [
        "one task read 100x the median task's input: memory ran out on one overloaded task",
        'score 0.42 against 0.91 for data_skew',
      ],
    },
    {
      category: 'small_file_pressure',
      score: 0,
      rules: [],
      reason: 'No rule supported it.',
      against: ['none of its rules matched the evidence'],
    },
  ],
};

describe('Hypotheses', () => {
  it('shows the three hypotheses with their scores, and the evidence against each that lost', () => {
    render(<Hypotheses classification={classification} />);
    const rows = screen.getAllByRole('row', { name: /^Hypothesis / });
    expect(rows).toHaveLength(3);
    expect(within(rows[0]).getByText('0.91')).toBeInTheDocument();
    expect(within(rows[0]).getByText('chosen')).toBeInTheDocument();
    expect(within(rows[1]).getByText('0.42')).toBeInTheDocument();
    expect(within(rows[1]).getByText('dismissed')).toBeInTheDocument();
    const against = screen.getByRole('list', {
      name: 'Evidence against resource_exhaustion',
    });
    expect(
      within(against)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual([
      "one task read 100x the median task's input: memory ran out on one overloaded task",
      'score 0.42 against 0.91 for data_skew',
    ]);
    expect(
      screen.getByRole('list', {
        name: 'Evidence against small_file_pressure',
      }),
    ).toHaveTextContent('none of its rules matched');
    expect(
      screen.queryByRole('list', { name: 'Evidence against data_skew' }),
    ).not.toBeInTheDocument();
  });

  it('marks a category only the word model backs as a lead, not a choice', () => {
    render(
      <Hypotheses
        classification={{
          ...classification,
          category: 'config_error',
          domain: 'code',
          confidence: 0.55,
          rules: [WORD_MODEL_RULE],
          hypotheses: [
            {
              category: 'config_error',
              score: 0.93,
              rules: [WORD_MODEL_RULE],
              reason:
                'No rule recognised this failure; its error lines use words that mark config_error failures ("profile").',
            },
            {
              category: 'code_error',
              score: 0.05,
              rules: [WORD_MODEL_RULE],
              reason: 'Fewer of its words are typical of code_error failures.',
            },
          ],
        }}
      />,
    );
    const rows = screen.getAllByRole('row', { name: /^Hypothesis / });
    expect(within(rows[0]).getByText('lead')).toBeInTheDocument();
    expect(within(rows[0]).queryByText('chosen')).not.toBeInTheDocument();
    expect(within(rows[1]).getByText('dismissed')).toBeInTheDocument();
  });

  it('says what an abstention lacks and what would settle it', () => {
    render(
      <MissingEvidenceView
        missing={{
          missing: ['the root cause: the log holds only wrapper lines'],
          requests: [
            {
              ask: 'send the executor logs (stderr) of stage 17',
              why: 'the executor log holds the task exception',
            },
          ],
        }}
      />,
    );
    expect(
      screen.getByText('the root cause: the log holds only wrapper lines'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('list', { name: 'What would settle it' }),
    ).toHaveTextContent('send the executor logs (stderr) of stage 17');
  });
});
