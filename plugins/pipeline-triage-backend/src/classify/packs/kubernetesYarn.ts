import type { RulePack } from '../ruleTypes';
import { ci } from './patterns';

/**
 * The scheduler's "0/N nodes are available: ..." where every reason is a placement rule
 * (node selector or affinity, pod affinity or anti-affinity, untolerated taints, volume node
 * affinity) and none is a resource ("Insufficient cpu"), up to the end of the line or the
 * pre-emption diagnostics that follow.
 */
const K8S_ONLY_RULE_MISMATCHES =
  "\\b0/\\d+ nodes are available: (?:\\d+ (?:node\\(s\\) )?(?:didn't match|didn't satisfy|had (?:untolerated )?taints?|had volume node affinity conflict)(?:[^,.{]|\\{[^}]*\\})*[,.] ?)+(?:$|preemption:)";

/**
 * Image pulls refused for their rate: the kubelet's registryPullQPS ("pull QPS exceeded"),
 * Docker Hub's pull limit ("toomanyrequests"), a registry's HTTP 429.
 */
const IMAGE_PULL_THROTTLED =
  'pull QPS exceeded|toomanyrequests|reached your pull rate limit|429 Too Many Requests';

/** How Kubernetes, YARN, HDFS, EMR / Databricks clusters and the OS report failures. */
export const kubernetesYarnPack: RulePack = {
  name: 'kubernetes-yarn',
  origin: 'built-in',
  rules: [
    {
      id: 'k8s-oom-killed',
      category: 'resource_exhaustion',
      description: 'container OOM-killed',
      patterns: [
        'OOMKilled|Memory cgroup out of memory|Out of memory: Kill(?:ed)? process|invoked oom-killer|oom-kill:|Killed process \\d+ .{0,40}total-vm',
      ],
      weight: 0.95,
      where: 'any',
    },
    {
      id: 'lambda-killed',
      category: 'resource_exhaustion',
      description: 'serverless runtime killed (memory)',
      patterns: [
        'Runtime exited with error: signal: killed|Runtime\\.OutOfMemory|Process exited before completing request',
      ],
      weight: 0.8,
    },
    // Evicted for the pod's own disk use beyond its limit: the job's size, not the node's fault.
    {
      id: 'k8s-evicted-own-usage',
      category: 'resource_exhaustion',
      description: 'pod evicted for exceeding its own storage or memory limit',
      patterns: [
        ci(
          'ephemeral local storage usage exceeds the total limit|exceeded its local ephemeral storage limit|Container \\S{1,100} was using \\S{1,40}, (?:which exceeds its request|request is)|usage of (?:ephemeral-storage|memory) .{0,40}exceeds? (?:its|the) limit',
        ),
      ],
      where: 'any',
      weight: 0.85,
      explains: ['infrastructure'],
      unless: ['The node was low on resource'],
    },
    {
      id: 'k8s-evicted',
      category: 'infrastructure',
      description: 'pod evicted by the node',
      patterns: [
        '\\bEvicted\\b|The node was low on resource|was evicted|Pod was evicted|(?:Disk|Memory|PID)Pressure',
      ],
      weight: 0.8,
      where: 'any',
    },
    {
      id: 'node-preempted',
      category: 'infrastructure',
      description: 'node preempted, reclaimed or lost',
      patterns: [
        ci(
          'preempt(?:ed|ion)(?!: \\d+/\\d+ nodes| victims| is not helpful)|spot (?:instance )?(?:interruption|termination|reclaim)|Spot instance .{0,60}terminated|node (?:was )?(?:terminated|drained|shut ?down)|NodeNotReady|node .{0,60} not ready|NodeLost|Node is shutting down|instance was terminated|SPOT_INSTANCE_TERMINATION|InstanceTerminated|host maintenance|lost the node|Cloud provider launch failure|INSTANCE_UNREACHABLE|CLOUD_PROVIDER_LAUNCH_FAILURE|worker lost|Worker lost',
        ),
      ],
      weight: 0.85,
      where: 'any',
    },
    {
      // Cromwell/PAPI: error 10 is the worker VM going away under the task, usually pre-empted.
      id: 'papi-worker-failed',
      category: 'infrastructure',
      description:
        'the Pipelines API worker VM failed or was pre-empted under the task',
      patterns: [
        'PAPI error code 10\\b|The assigned worker has failed to complete the operation|compute\\.instances\\.preempted|due to Spot VM preemption',
      ],
      weight: 0.85,
    },
    {
      id: 'k8s-failed-scheduling',
      category: 'infrastructure',
      description: 'pod could not be scheduled',
      patterns: [
        "FailedScheduling|\\b\\d+/\\d+ nodes are available|Insufficient (?:cpu|memory|nvidia\\.com/gpu|ephemeral-storage)|didn't match (?:Pod's )?node (?:affinity|selector)|Unschedulable|pod has unbound immediate PersistentVolumeClaims|PodLaunchFailedException|took longer than \\d+ seconds to start",
      ],
      weight: 0.7,
      explains: ['resource_exhaustion'],
    },
    // No node has the CPU or memory the pod requests. A service whose own pod this is answers
    // 503 meanwhile: the outage is the placement, not the service.
    {
      id: 'k8s-unschedulable-for-resources',
      category: 'infrastructure',
      description: 'no node has the resources the pod requests',
      patterns: [
        'PodUnschedulable|Cannot schedule pods: Insufficient|\\b0/\\d+ nodes are available: .{0,200}\\bInsufficient (?:cpu|memory)',
      ],
      weight: 0.75,
      where: 'any',
      explains: ['resource_exhaustion', 'dependency_unavailable'],
    },
    // Every node refused by a placement rule (node selector or affinity, pod affinity, taints)
    // and none for lack of resources: no capacity will ever fit the pod until its rules or the
    // nodes' labels change (Kubernetes "Assigning Pods to Nodes", "Taints and Tolerations").
    {
      id: 'k8s-placement-rules-unsatisfiable',
      category: 'config_error',
      description:
        'every node rejects the pod by a placement rule (selector, affinity, taint)',
      patterns: [ci(K8S_ONLY_RULE_MISMATCHES)],
      weight: 0.9,
      where: 'any',
      explains: ['infrastructure'],
    },
    {
      id: 'k8s-quota',
      category: 'resource_exhaustion',
      description: 'namespace resource quota exceeded',
      patterns: ['exceeded quota: |forbidden: exceeded quota|ResourceQuota'],
      weight: 0.75,
    },
    {
      id: 'k8s-image-pull',
      category: 'config_error',
      description: 'container image cannot be pulled',
      patterns: [
        'ImagePullBackOff|ErrImagePull|Failed to pull image|manifest unknown|pull access denied|InvalidImageName|repository does not exist',
      ],
      weight: 0.8,
      unless: [ci(IMAGE_PULL_THROTTLED)],
    },
    // The pull was refused for its rate (the kubelet's own registryPullQPS, a registry's 429),
    // not for the image: the same image pulls once the throttle clears.
    {
      id: 'k8s-image-pull-throttled',
      category: 'infrastructure',
      description: 'image pull throttled by the kubelet or the registry',
      patterns: [ci(IMAGE_PULL_THROTTLED)],
      requires: ['ImagePullBackOff|ErrImagePull|Failed to pull image'],
      weight: 0.85,
      where: 'any',
      explains: ['config_error', 'dependency_unavailable'],
    },
    {
      id: 'k8s-container-config',
      category: 'config_error',
      description: 'pod refers to a missing secret or config map',
      patterns: [
        'CreateContainerConfigError|secrets? "[^"]+" not found|configmaps? "[^"]+" not found|couldn\'t find key [\\w.-]+ in (?:Secret|ConfigMap)|CreateContainerError|invalid mount config',
      ],
      weight: 0.9,
    },
    {
      id: 'k8s-crash-loop',
      category: 'code_error',
      description: 'container keeps crashing',
      patterns: ['CrashLoopBackOff|Back-off restarting failed container'],
      weight: 0.35,
    },
    {
      id: 'k8s-rbac',
      category: 'permission',
      description: 'Kubernetes RBAC denial',
      patterns: [
        'is forbidden: User "[^"]+" cannot|cannot (?:create|get|list|watch|delete|patch) resource "[^"]+"',
      ],
      weight: 0.9,
    },
    {
      id: 'k8s-api-unavailable',
      category: 'infrastructure',
      description: 'Kubernetes API unavailable',
      patterns: [
        'the server is currently unable to handle the request|etcdserver: (?:request timed out|leader changed)|connection to the server [\\w.:-]+ was refused|Unable to connect to the server',
      ],
      weight: 0.7,
    },
    {
      id: 'k8s-pod-gone',
      category: 'infrastructure',
      description: 'pod deleted or lost while running',
      patterns: [
        ci(
          'pods? "[^"]+" not found|pod .{0,80} (?:was|has been) deleted|Pod .{0,80} disappeared',
        ),
      ],
      weight: 0.5,
    },
    {
      id: 'k8s-deadline',
      category: 'resource_exhaustion',
      description: 'pod ran past its deadline',
      patterns: [
        'DeadlineExceeded|Job was active longer than specified deadline|activeDeadlineSeconds',
      ],
      weight: 0.35,
    },
    {
      id: 'yarn-queue-limit',
      category: 'resource_exhaustion',
      description: 'YARN queue or AM resource limit',
      patterns: [
        ci(
          "Queue's AM resource limit exceeded|maximum-am-resource-percent|exceeds maximum AM resource|queue .{0,60} (?:is full|at capacity)",
        ),
      ],
      weight: 0.55,
    },
    {
      id: 'yarn-bad-local-dirs',
      category: 'resource_exhaustion',
      description: 'node local disks full or bad',
      patterns: [
        'local-dirs (?:are|is) bad|usable space is below configured utilization percentage|local-dirs usable space',
      ],
      weight: 0.7,
    },
    {
      id: 'yarn-killed-by-user',
      category: 'infrastructure',
      description: 'application killed from outside',
      patterns: [
        'Application killed by user|Kill job received from|killed by user',
      ],
      weight: 0.35,
    },
    {
      id: 'container-exit-137',
      category: 'resource_exhaustion',
      description:
        'container killed with exit code 137 (SIGKILL, usually memory)',
      patterns: [
        ci(
          'exit(?:ed with)? (?:code|status)(?: is)?:? ?137\\b|exitCode: 137\\b|terminated with exit code 137',
        ),
      ],
      weight: 0.6,
      where: 'any',
    },
    {
      id: 'container-exit-143',
      category: 'infrastructure',
      description: 'container terminated with exit code 143 (SIGTERM)',
      patterns: [
        ci(
          'exit(?:ed with)? (?:code|status)(?: is)?:? ?143\\b|exitCode: 143\\b',
        ),
      ],
      weight: 0.45,
      where: 'any',
    },
    {
      id: 'hdfs-space-quota',
      category: 'resource_exhaustion',
      description: 'HDFS space quota exceeded',
      patterns: [
        'DSQuotaExceededException|The DiskSpace quota .{0,80} is exceeded',
      ],
      weight: 0.85,
    },
    {
      id: 'hdfs-safe-mode',
      category: 'infrastructure',
      description: 'NameNode in safe mode',
      patterns: ['SafeModeException|Name node is in safe mode'],
      weight: 0.85,
    },
    {
      id: 'hdfs-blocks-unavailable',
      category: 'infrastructure',
      description: 'HDFS blocks or DataNodes unavailable',
      patterns: [
        'StandbyException|Operation category \\w+ is not supported in state standby|Could not obtain block|BlockMissingException|No live nodes contain|could only be (?:replicated|written) to 0 nodes|ChecksumException',
      ],
      weight: 0.75,
    },

    // Cloud hosts taken away under a running job: spot reclaim, Batch "Host EC2 terminated".
    {
      id: 'cloud-host-terminated',
      category: 'infrastructure',
      description: 'the host under the job was terminated or reclaimed',
      patterns: [
        ci(
          'Host EC2 .{0,60}terminated|(?:spot|preemptible) (?:instance|VM|node)\\b.{0,80}(?:terminat|reclaim|interrupt)|marked for termination|instance-action: (?:terminate|stop)',
        ),
      ],
      weight: 0.8,
      where: 'any',
    },
    {
      id: 'driver-unreachable',
      category: 'infrastructure',
      description:
        'the cluster lost its driver (Databricks DRIVER_UNREACHABLE)',
      patterns: [
        ci('Failed to reach the driver|Driver unreachable|DRIVER_UNREACHABLE'),
      ],
      weight: 0.5,
    },

    // Placement failures of other schedulers: ECS, cluster-autoscaler, EC2 capacity, YARN activation.
    {
      id: 'container-placement-failed',
      category: 'infrastructure',
      description: 'no capacity to place the container',
      patterns: [
        ci(
          "unable to place a task|no container instance met all of its requirements|RESOURCE:(?:MEMORY|CPU|GPU)\\b|pod didn'?t trigger scale-up|NotTriggerScaleUp|InsufficientInstanceCapacity|Insufficient capacity|could not be scheduled|Application is added to the scheduler and is not yet activated",
        ),
      ],
      weight: 0.7,
      explains: ['resource_exhaustion'],
    },

    // The NodeManager's own wording when it kills a container for memory (any YARN application).
    {
      id: 'yarn-beyond-memory-limits',
      category: 'resource_exhaustion',
      description: 'container running beyond its memory limit',
      patterns: [
        ci(
          'running beyond (?:physical|virtual) memory limits|KILLED_EXCEEDED_[PV]MEM',
        ),
      ],
      weight: 0.9,
      where: 'any',
    },
    // The Dataproc agent lost track of a submitted job's driver: gcloud prints "Job terminated,
    // but output did not finish streaming" and the job "failed with error: Task not found"
    // (hail-is/hail#6010, #6063). The platform's bookkeeping failed, not the job's code or its
    // settings; nothing here names a transient cause.
    {
      id: 'dataproc-agent-lost-driver-task',
      category: 'infrastructure',
      description: "the Dataproc agent lost the job's driver task",
      patterns: [
        'Job terminated, but output did not finish streaming|^\\s*Task not found\\s*$',
      ],
      requires: [ci('gcloud\\.dataproc|Dataproc')],
      where: 'any',
      weight: 0.6,
      explains: ['config_error'],
    },
  ],
};
