// batch/v1 tables: jobs (NAME STATUS COMPLETIONS DURATION AGE) and cronjobs (NAME SCHEDULE
// TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE), with CONTAINERS IMAGES SELECTOR when wide.
// Mirrors: kubernetes pkg/printers/internalversion/printers.go printJob, hasJobCondition,
// printCronJob. Dropped: nothing.

import { humanDuration, parseTimestamp, translateTimestampSince } from '../duration'
import type { CronJob, Job, JobCondition } from 'kubernetes-types/batch/v1'
import { ageColumn, column, CONTAINERS_DESCRIPTION, IMAGES_DESCRIPTION, nameColumn, SWAGGER_DOC } from './columns'
import { formatLabelSelector, layoutContainerCells, printBoolPtr } from './helpers'
import type { TableHandler } from './handler'

/** hasJobCondition: the first condition of that type decides. */
function hasJobCondition(conditions: readonly JobCondition[] | undefined, type: string): boolean {
  const c = (conditions ?? []).find((x) => x.type === type)
  return c?.status === 'True'
}

export const jobTableHandler: TableHandler<Job> = {
  columns: [
    nameColumn(),
    column('Status', 'string', 'Status of the job.'),
    column('Completions', 'string', SWAGGER_DOC['JobStatus.succeeded']),
    column('Duration', 'string', 'Time required to complete the job.'),
    ageColumn(),
    column('Containers', 'string', CONTAINERS_DESCRIPTION, 1),
    column('Images', 'string', IMAGES_DESCRIPTION, 1),
    column('Selector', 'string', SWAGGER_DOC['JobSpec.selector'], 1),
  ],
  printRow: (job, nowMs) => {
    const succeeded = job.status?.succeeded ?? 0
    let completions: string
    if (job.spec?.completions !== undefined && job.spec.completions !== null) {
      completions = `${succeeded}/${job.spec.completions}`
    } else {
      const parallelism = job.spec?.parallelism ?? 0
      completions = parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`
    }
    const start = parseTimestamp(job.status?.startTime)
    const completion = parseTimestamp(job.status?.completionTime)
    let jobDuration = ''
    if (start !== undefined) jobDuration = humanDuration((completion ?? nowMs) - start)

    const conditions = job.status?.conditions
    let status: string
    if (hasJobCondition(conditions, 'Complete')) status = 'Complete'
    else if (hasJobCondition(conditions, 'Failed')) status = 'Failed'
    else if (job.metadata?.deletionTimestamp) status = 'Terminating'
    else if (hasJobCondition(conditions, 'Suspended')) status = 'Suspended'
    else if (hasJobCondition(conditions, 'FailureTarget')) status = 'FailureTarget'
    else status = 'Running'

    const [names, images] = layoutContainerCells(job.spec?.template?.spec?.containers)
    return [
      job.metadata?.name ?? '',
      status,
      completions,
      jobDuration,
      translateTimestampSince(job.metadata?.creationTimestamp, nowMs),
      names,
      images,
      formatLabelSelector(job.spec?.selector),
    ]
  },
}

export const cronJobTableHandler: TableHandler<CronJob> = {
  columns: [
    nameColumn(),
    column('Schedule', 'string', SWAGGER_DOC['CronJobSpec.schedule']),
    column('Timezone', 'string', SWAGGER_DOC['CronJobSpec.timeZone']),
    column('Suspend', 'boolean', SWAGGER_DOC['CronJobSpec.suspend']),
    column('Active', 'integer', SWAGGER_DOC['CronJobStatus.active']),
    column('Last Schedule', 'string', SWAGGER_DOC['CronJobStatus.lastScheduleTime']),
    ageColumn(),
    column('Containers', 'string', CONTAINERS_DESCRIPTION, 1),
    column('Images', 'string', IMAGES_DESCRIPTION, 1),
    column('Selector', 'string', SWAGGER_DOC['JobSpec.selector'], 1),
  ],
  printRow: (cj, nowMs) => {
    const last = cj.status?.lastScheduleTime ? translateTimestampSince(cj.status.lastScheduleTime, nowMs) : '<none>'
    const [names, images] = layoutContainerCells(cj.spec?.jobTemplate?.spec?.template?.spec?.containers)
    return [
      cj.metadata?.name ?? '',
      cj.spec?.schedule ?? '',
      cj.spec?.timeZone ?? '<none>',
      printBoolPtr(cj.spec?.suspend),
      (cj.status?.active ?? []).length,
      last,
      translateTimestampSince(cj.metadata?.creationTimestamp, nowMs),
      names,
      images,
      formatLabelSelector(cj.spec?.jobTemplate?.spec?.selector),
    ]
  },
}
