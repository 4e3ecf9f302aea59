// `kubectl describe` for pods, nodes and namespaces: the public surface of this folder.
// Mirrors: kubectl pkg/describe/describe.go (the describers take already fetched objects; the
// command layer does the API calls each upstream Describer.Describe makes).

export { describePod } from './pod'
export { describeNode, type DescribeNodeOptions } from './node'
export { describeNamespace, describeResourceQuotas, describeLimitRanges } from './namespace'
export { describeEvents } from './events'
export { describeContainers, describeProbe, describeResources, describeStatus, envValueRetriever } from './containers'
export { describeVolumes } from './volumes'
export { getPodQOS, computePodQOS } from './qos'
export { podRequestsAndLimits } from './resourceHelper'
export {
  PrefixWriter,
  tabbedString,
  formatRFC1123Z,
  printLabelsMultiline,
  printAnnotationsMultiline,
  printNodeTaintsMultiline,
  printPodTolerationsMultiline,
  printController,
  LEVEL_0,
  LEVEL_1,
  LEVEL_2,
  LEVEL_3,
  LEVEL_4,
} from './describe'
