// The official nginx image: docker-entrypoint.sh runs its configuration scripts, then nginx
// starts one master and `worker_processes auto` workers (one per CPU) and logs each. SIGTERM is
// nginx's fast shutdown; SIGQUIT (the image's STOPSIGNAL) is graceful. Both exit 0.
import { nginxTime, type Program } from './program'

export const nginx: Program = (ctx) => {
  const version = ctx.env.NGINX_VERSION ?? '1.27.3'
  const modernEntrypoint = ctx.argv[0] === '/docker-entrypoint.sh'
  const t = () => nginxTime(ctx.now())
  if (modernEntrypoint) {
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
    const lines = [
      `${t()} [notice] 1#1: using the "epoll" event method`,
      `${t()} [notice] 1#1: nginx/${version}`,
      `${t()} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14)`,
      `${t()} [notice] 1#1: OS: Linux 6.8.0-45-generic`,
      `${t()} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
      `${t()} [notice] 1#1: start worker processes`,
    ]
    for (let i = 0; i < ctx.cpus; i++) lines.push(`${t()} [notice] 1#1: start worker process ${29 + i}`)
    ctx.stderr(lines.join('\n') + '\n')
  }
  let stopped = false
  return {
    signal(sig) {
      if (stopped) return
      if (sig === 'SIGKILL') return
      stopped = true
      const how = sig === 'SIGQUIT' ? 'gracefully shutting down' : `signal 15 (SIGTERM) received from 0, exiting`
      const lines = [`${t()} [notice] 1#1: ${how}`]
      for (let i = 0; i < ctx.cpus; i++) lines.push(`${t()} [notice] ${29 + i}#${29 + i}: exiting`)
      for (let i = 0; i < ctx.cpus; i++) lines.push(`${t()} [notice] ${29 + i}#${29 + i}: exit`)
      lines.push(`${t()} [notice] 1#1: exit`)
      ctx.stderr(lines.join('\n') + '\n')
      ctx.exit(0)
    },
  }
}
