// The official redis image (7.4): docker-entrypoint.sh execs `redis-server` (prefixing it when the
// first argument is an option), which logs its start-up banner to stdout and serves on 6379.
// Lines from redis src/server.c (main, serverLog's "<pid>:<role> <dd Mon yyyy hh:mm:ss.mmm> <level>
// <msg>", level `*` notice and `#` warning; role C before the server is initialised, M after),
// checked against the logs of redis:7.4.1 containers. The memory overcommit warning is printed
// because the simulated nodes share their host's kernel (6.8.0-45-generic, Ubuntu, whose
// vm.overcommit_memory defaults to 0) and that sysctl is not namespaced.
// SIGTERM or SIGINT (the image has no STOPSIGNAL) schedules the shutdown: the final RDB snapshot
// (the default save points are on) and exit 0.
// Only `redis-server` and `redis-server --port N` are simulated; other arguments (a config file,
// persistence options, ...) change what redis logs, so the program says it does not simulate them.
import type { Program } from './program'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** serverLog's time: "22 Nov 2026 09:00:10.123". */
export function redisTime(ms: number): string {
  const d = new Date(ms)
  const p = (n: number, w = 2) => String(n).padStart(w, '0')
  return `${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}`
}

const OVERCOMMIT_WARNING =
  "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect."

/** The arguments after docker-entrypoint.sh's rewriting: `redis-server ...`, or undefined for another command. */
function serverArgs(argv: readonly string[]): string[] | undefined {
  let args = argv[0]?.endsWith('docker-entrypoint.sh') ? argv.slice(1) : [...argv]
  if (args[0]?.startsWith('-') || args[0]?.endsWith('.conf')) args = ['redis-server', ...args]
  return args[0]?.split('/').pop() === 'redis-server' ? args.slice(1) : undefined
}

export const redis: Program = (ctx) => {
  const version = ctx.env.REDIS_VERSION ?? '7.4.1'
  const args = serverArgs(ctx.argv)
  const portOnly = args && (args.length === 0 || (args.length === 2 && args[0] === '--port' && /^\d+$/.test(args[1])))
  let stopped = false
  if (!args || !portOnly) {
    ctx.stderr(`Podlab: the redis image running ${JSON.stringify(ctx.argv.join(' '))} is not simulated yet; the container keeps running without its log lines.\n`)
    return {
      signal(sig) {
        if (sig !== 'SIGKILL' && !stopped) {
          stopped = true
          ctx.exit(0)
        }
      },
    }
  }
  const port = args.length ? args[1] : '6379'
  const log = (role: 'C' | 'M', level: '*' | '#', msg: string) => `1:${role} ${redisTime(ctx.now())} ${level} ${msg}`
  ctx.stdout(
    [
      log('C', '#', OVERCOMMIT_WARNING),
      log('C', '*', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo'),
      log('C', '*', `Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started`),
      args.length === 0
        ? log('C', '#', 'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf')
        : log('C', '*', 'Configuration loaded'),
      log('M', '*', 'monotonic clock: POSIX clock_gettime'),
      log('M', '*', `Running mode=standalone, port=${port}.`),
      log('M', '*', 'Server initialized'),
      log('M', '*', 'Ready to accept connections tcp'),
    ].join('\n') + '\n',
  )
  return {
    signal(sig) {
      if (stopped || sig === 'SIGKILL' || sig === 'SIGWINCH') return
      stopped = true
      // redis installs no SIGQUIT handler: the default action ends it, 128 + 3.
      if (sig === 'SIGQUIT') return ctx.exit(131)
      ctx.stdout(
        [
          `1:signal-handler (${Math.floor(ctx.now() / 1000)}) Received ${sig} scheduling shutdown...`,
          log('M', '*', 'User requested shutdown...'),
          log('M', '*', 'Saving the final RDB snapshot before exiting.'),
          log('M', '*', 'DB saved on disk'),
          log('M', '#', 'Redis is now ready to exit, bye bye...'),
        ].join('\n') + '\n',
      )
      ctx.exit(0)
    },
  }
}
