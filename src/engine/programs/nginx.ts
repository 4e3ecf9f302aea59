// The official nginx image: docker-entrypoint.sh runs its configuration scripts, then nginx
// starts one master and `worker_processes auto` workers (one per CPU) and logs each.
// Signals (nginx src/os/unix/ngx_process.c ngx_signal_handler, ngx_process_cycle.c): SIGQUIT is the
// graceful shutdown (the image's STOPSIGNAL since 1.19: workers log "gracefully shutting down"),
// SIGTERM and SIGINT the fast one; both end with exit code 0 once the workers are reaped. The
// runtime signals from outside the container's PID namespace, so siginfo has no sender pid and
// the master logs "received" without "from". Workers are told over nginx's channel, not by
// signal, so they log no "signal" line; the master's SIGCHLD names the first worker reaped.
// SIGWINCH (no-accept) is only acted on by a daemonized master: this one logs it and runs on.
// Only the images with docker-entrypoint.d (1.19 on) log at the notice level (their nginx.conf
// has `error_log ... notice`), whether or not a pod's command bypasses the entrypoint; the older
// ones (1.14, 1.16) log warnings only, so no start-up or shutdown lines at all. The entrypoint
// configures (and says so) only when it starts nginx itself.
// Left out: the start-up lines of the 1.19 to 1.23 images differ from 1.27's (their entrypoint
// scripts and compiler); 1.27's are printed for all of them.
import { nginxTime, type Program, type Signal } from './program'

/** The first worker's pid: the entrypoint's scripts used the pids before it. */
const FIRST_WORKER_PID = 29

const SIGNAL_NUMBERS: Partial<Record<Signal, number>> = { SIGINT: 2, SIGQUIT: 3, SIGTERM: 15, SIGWINCH: 28 }

export const nginx: Program = (ctx) => {
  const version = ctx.env.NGINX_VERSION ?? '1.27.3'
  const [major, minor] = version.split('.').map(Number)
  const logsNotices = major > 1 || (major === 1 && minor >= 19)
  const viaEntrypoint = ctx.argv[0] === '/docker-entrypoint.sh' && (ctx.argv[1] === 'nginx' || ctx.argv[1] === 'nginx-debug')
  const t = () => nginxTime(ctx.now())
  const workers = Array.from({ length: ctx.cpus }, (_, i) => FIRST_WORKER_PID + i)
  const notice = (lines: string[]) => {
    if (logsNotices) ctx.stderr(lines.map((l) => `${t()} [notice] ${l}`).join('\n') + '\n')
  }
  if (logsNotices && viaEntrypoint) {
    ctx.stdout(
      [
        '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
        '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
        '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
        '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
        '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
        '/docker-entrypoint.sh: Configuration complete; ready for start up',
        '',
      ].join('\n'),
    )
  }
  notice([
    '1#1: using the "epoll" event method',
    `1#1: nginx/${version}`,
    // NGX_COMPILER is `gcc -v`'s version text, which ends with a space.
    '1#1: built by gcc 12.2.0 (Debian 12.2.0-14) ',
    '1#1: OS: Linux 6.8.0-45-generic',
    '1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
    '1#1: start worker processes',
    ...workers.map((pid) => `1#1: start worker process ${pid}`),
  ])
  let stopped = false
  return {
    signal(sig) {
      if (stopped || sig === 'SIGKILL') return
      const num = SIGNAL_NUMBERS[sig]
      if (sig === 'SIGWINCH') return notice([`1#1: signal ${num} (${sig}) received`])
      stopped = true
      const graceful = sig === 'SIGQUIT'
      const lines = [`1#1: signal ${num} (${sig}) received, ${graceful ? 'shutting down' : 'exiting'}`]
      for (const pid of workers) {
        if (graceful) lines.push(`${pid}#${pid}: gracefully shutting down`)
        lines.push(`${pid}#${pid}: exiting`, `${pid}#${pid}: exit`)
      }
      if (workers.length) lines.push(`1#1: signal 17 (SIGCHLD) received from ${workers[0]}`)
      for (const pid of workers) lines.push(`1#1: worker process ${pid} exited with code 0`)
      lines.push('1#1: exit')
      notice(lines)
      ctx.exit(0)
    },
  }
}
