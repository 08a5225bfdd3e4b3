import type { VendorCodeTable } from './types';

const SHELL =
  'POSIX shell (exit status 128+N for a process killed by signal N; 126/127)';
const PY = 'Python subprocess (negative returncode -N: killed by signal N)';
const YARN = 'Hadoop YARN ContainerExitStatus javadoc';

/**
 * Process exit codes and the signals they encode (system `exitCode`: the run's exit codes, from
 * the event and the log). Signals say who ended the process, not always why: 137 is the OOM
 * killer far more often than anything else, 143 is the platform asking the process to stop.
 */
export const exitCodeTable: VendorCodeTable = {
  name: 'exit',
  system: 'exitCode',
  entries: [
    {
      key: '137-sigkill',
      signal: 'SIGKILL',
      codes: ['137', '-9'],
      category: 'resource_exhaustion',
      weight: 0.6,
      description: 'exit code 137 (SIGKILL, usually the OOM killer)',
      source: `${SHELL}; ${PY}; signal(7) SIGKILL`,
    },
    {
      key: '143-sigterm',
      signal: 'SIGTERM',
      codes: ['143', '-15'],
      category: 'infrastructure',
      weight: 0.4,
      description: 'exit code 143 (SIGTERM from the platform)',
      source: `${SHELL}; ${PY}; signal(7) SIGTERM`,
    },
    {
      key: '139-sigsegv',
      signal: 'SIGSEGV',
      codes: ['139', '-11'],
      category: 'code_error',
      weight: 0.35,
      description: 'exit code 139 (segmentation fault)',
      source: `${SHELL}; ${PY}; signal(7) SIGSEGV`,
    },
    {
      key: '134-sigabrt',
      signal: 'SIGABRT',
      codes: ['134', '-6'],
      category: 'code_error',
      weight: 0.3,
      description:
        'exit code 134 (SIGABRT: the process aborted itself, e.g. a failed assertion or native crash)',
      source: `${SHELL}; ${PY}; signal(7) SIGABRT`,
    },
    {
      key: '135-sigbus',
      signal: 'SIGBUS',
      codes: ['135', '-7'],
      category: 'resource_exhaustion',
      weight: 0.3,
      description:
        'exit code 135 (SIGBUS, often shared memory /dev/shm exhausted)',
      source: `${SHELL}; signal(7) SIGBUS`,
    },
    {
      key: '126',
      codes: ['126'],
      category: 'config_error',
      weight: 0.6,
      description: 'exit code 126 (command found but not executable)',
      source: SHELL,
    },
    {
      key: '127',
      codes: ['127'],
      category: 'config_error',
      weight: 0.75,
      description: 'exit code 127 (command not found)',
      source: SHELL,
    },
    {
      key: 'yarn-aborted',
      codes: ['-100'],
      category: 'infrastructure',
      weight: 0.6,
      transient: true,
      description:
        'YARN exit status -100 (container released: node lost or decommissioned)',
      source: `${YARN}: ABORTED`,
    },
    {
      key: 'yarn-disks-failed',
      codes: ['-101'],
      category: 'infrastructure',
      weight: 0.65,
      description: 'YARN exit status -101 (node local disks failed)',
      source: `${YARN}: DISKS_FAILED`,
    },
    {
      key: 'yarn-preempted',
      codes: ['-102'],
      category: 'infrastructure',
      weight: 0.75,
      transient: true,
      description: 'YARN exit status -102 (container preempted)',
      source: `${YARN}: PREEMPTED`,
    },
    {
      key: 'yarn-exceeded-vmem',
      codes: ['-103'],
      category: 'resource_exhaustion',
      weight: 0.85,
      description: 'YARN exit status -103 (virtual memory limit exceeded)',
      source: `${YARN}: KILLED_EXCEEDED_VMEM`,
    },
    {
      key: 'yarn-exceeded-pmem',
      codes: ['-104'],
      category: 'resource_exhaustion',
      weight: 0.9,
      description: 'YARN exit status -104 (physical memory limit exceeded)',
      source: `${YARN}: KILLED_EXCEEDED_PMEM`,
    },
  ],
};
