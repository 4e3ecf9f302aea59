// The simulated programs' own lines, from the images' real logs: nginx's start-up and its two
// shutdowns (nginx 1.21.5 and 1.31 logs under Kubernetes: "signal 3 (SIGQUIT) received, shutting
// down", "gracefully shutting down", "signal 17 (SIGCHLD) received from 30", ...), redis 7.4.1's
// banner and shutdown, httpd 2.4.62's AH00558/AH00489/AH00094 and its stop notices.
import { describe, expect, it } from 'vitest'
import { isProgram, programFor } from './index'
import type { ProcessContext, Signal } from './program'
import { redisTime } from './redis'
import { httpdTime } from './httpd'

const T0 = Date.UTC(2026, 10, 22, 9, 0, 10, 123)

function run(name: string, over: Partial<ProcessContext> = {}) {
  let out = ''
  let code: number | undefined
  const cni: string[] = []
  const ctx: ProcessContext = {
    now: () => T0,
    argv: [],
    env: {},
    hostname: 'web',
    ip: '10.244.1.5',
    cpus: 2,
    stdout: (t) => (out += t),
    stderr: (t) => (out += t),
    exit: (c) => (code ??= c),
    setTimer: () => () => {},
    writeCniConfig: (f) => cni.push(f),
    ...over,
  }
  const handle = programFor(name)(ctx)
  return {
    get out() {
      return out
    },
    get code() {
      return code
    },
    cni,
    signal: (s: Signal) => {
      out = ''
      handle.signal(s)
    },
  }
}

describe('nginx', () => {
  const entry = { argv: ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'], env: { NGINX_VERSION: '1.27.3' } }

  it('shuts down gracefully on SIGQUIT, the image STOPSIGNAL', () => {
    const p = run('nginx', entry)
    expect(p.out).toContain('2026/11/22 09:00:10 [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) \n')
    p.signal('SIGQUIT')
    expect(p.out).toBe(
      [
        '2026/11/22 09:00:10 [notice] 1#1: signal 3 (SIGQUIT) received, shutting down',
        '2026/11/22 09:00:10 [notice] 29#29: gracefully shutting down',
        '2026/11/22 09:00:10 [notice] 29#29: exiting',
        '2026/11/22 09:00:10 [notice] 29#29: exit',
        '2026/11/22 09:00:10 [notice] 30#30: gracefully shutting down',
        '2026/11/22 09:00:10 [notice] 30#30: exiting',
        '2026/11/22 09:00:10 [notice] 30#30: exit',
        '2026/11/22 09:00:10 [notice] 1#1: signal 17 (SIGCHLD) received from 29',
        '2026/11/22 09:00:10 [notice] 1#1: worker process 29 exited with code 0',
        '2026/11/22 09:00:10 [notice] 1#1: worker process 30 exited with code 0',
        '2026/11/22 09:00:10 [notice] 1#1: exit',
        '',
      ].join('\n'),
    )
    expect(p.code).toBe(0)
  })

  it('exits at once on SIGTERM', () => {
    const p = run('nginx', { ...entry, cpus: 1 })
    p.signal('SIGTERM')
    expect(p.out).toBe(
      [
        '2026/11/22 09:00:10 [notice] 1#1: signal 15 (SIGTERM) received, exiting',
        '2026/11/22 09:00:10 [notice] 29#29: exiting',
        '2026/11/22 09:00:10 [notice] 29#29: exit',
        '2026/11/22 09:00:10 [notice] 1#1: signal 17 (SIGCHLD) received from 29',
        '2026/11/22 09:00:10 [notice] 1#1: worker process 29 exited with code 0',
        '2026/11/22 09:00:10 [notice] 1#1: exit',
        '',
      ].join('\n'),
    )
    expect(p.code).toBe(0)
  })

  it('logs notices without the entrypoint lines when a command bypasses the entrypoint; the 1.16 image logs none', () => {
    const p = run('nginx', { argv: ['nginx', '-g', 'daemon off;'], env: { NGINX_VERSION: '1.27.3' }, cpus: 1 })
    expect(p.out.split('\n')[0]).toBe('2026/11/22 09:00:10 [notice] 1#1: using the "epoll" event method')
    const old = run('nginx', { argv: ['nginx', '-g', 'daemon off;'], env: { NGINX_VERSION: '1.16.1' } })
    expect(old.out).toBe('')
    old.signal('SIGTERM')
    expect(old.out).toBe('')
    expect(old.code).toBe(0)
  })
})

describe('redis', () => {
  it('prints the 7.4.1 banner and its shutdown on SIGTERM', () => {
    expect(redisTime(Date.UTC(2024, 11, 2, 2, 45, 31, 283))).toBe('02 Dec 2024 02:45:31.283')
    const p = run('redis', { argv: ['docker-entrypoint.sh', 'redis-server'] })
    expect(p.out).toBe(
      [
        "1:C 22 Nov 2026 09:00:10.123 # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.",
        '1:C 22 Nov 2026 09:00:10.123 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
        '1:C 22 Nov 2026 09:00:10.123 * Redis version=7.4.1, bits=64, commit=00000000, modified=0, pid=1, just started',
        '1:C 22 Nov 2026 09:00:10.123 # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
        '1:M 22 Nov 2026 09:00:10.123 * monotonic clock: POSIX clock_gettime',
        '1:M 22 Nov 2026 09:00:10.123 * Running mode=standalone, port=6379.',
        '1:M 22 Nov 2026 09:00:10.123 * Server initialized',
        '1:M 22 Nov 2026 09:00:10.123 * Ready to accept connections tcp',
        '',
      ].join('\n'),
    )
    p.signal('SIGTERM')
    expect(p.out).toBe(
      [
        '1:signal-handler (1795338010) Received SIGTERM scheduling shutdown...',
        '1:M 22 Nov 2026 09:00:10.123 * User requested shutdown...',
        '1:M 22 Nov 2026 09:00:10.123 * Saving the final RDB snapshot before exiting.',
        '1:M 22 Nov 2026 09:00:10.123 * DB saved on disk',
        '1:M 22 Nov 2026 09:00:10.123 # Redis is now ready to exit, bye bye...',
        '',
      ].join('\n'),
    )
    expect(p.code).toBe(0)
  })

  it('loads the configuration given by options, and says plainly what it does not simulate', () => {
    const p = run('redis', { argv: ['docker-entrypoint.sh', '--port', '7000'] })
    expect(p.out).toContain('1:C 22 Nov 2026 09:00:10.123 * Configuration loaded\n')
    expect(p.out).toContain('1:M 22 Nov 2026 09:00:10.123 * Running mode=standalone, port=7000.\n')
    const q = run('redis', { argv: ['redis-server', '--appendonly', 'yes'] })
    expect(q.out).toBe('Podlab: the redis image running "redis-server --appendonly yes" is not simulated yet; the container keeps running without its log lines.\n')
  })
})

describe('httpd', () => {
  it('prints AH00558 twice with the pod IP, then the MPM and core notices; SIGWINCH stops it gracefully', () => {
    expect(httpdTime(Date.UTC(2024, 11, 17, 18, 52, 38, 950))).toBe('Tue Dec 17 18:52:38.950000 2024')
    const p = run('httpd', { argv: ['httpd-foreground'] })
    const ah00558 = "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.1.5. Set the 'ServerName' directive globally to suppress this message"
    expect(p.out).toBe(
      [
        ah00558,
        ah00558,
        '[Sun Nov 22 09:00:10.123000 2026] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations',
        "[Sun Nov 22 09:00:10.123000 2026] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'",
        '',
      ].join('\n'),
    )
    p.signal('SIGWINCH')
    expect(p.out).toBe('[Sun Nov 22 09:00:10.123000 2026] [mpm_event:notice] [pid 1:tid 1] AH00492: caught SIGWINCH, shutting down gracefully\n')
    expect(p.code).toBe(0)
  })

  it('stops at once on SIGTERM or SIGINT, with the same notice', () => {
    for (const sig of ['SIGTERM', 'SIGINT'] as const) {
      const p = run('httpd', { argv: ['httpd-foreground'] })
      p.signal(sig)
      expect(p.out).toBe('[Sun Nov 22 09:00:10.123000 2026] [mpm_event:notice] [pid 1:tid 1] AH00491: caught SIGTERM, shutting down\n')
      expect(p.code).toBe(0)
    }
  })
})

describe('commands', () => {
  it('name the programs they start: redis-server starts redis; there is no `redis` executable', () => {
    expect(['redis-server', 'redis', 'nginx', 'httpd', 'kube-proxy', 'etcd', 'sh'].map(isProgram)).toEqual([true, false, true, true, true, true, false])
    expect(run('redis-server', { argv: ['redis-server'] }).out).toContain('* Ready to accept connections tcp\n')
  })
})

describe('system components', () => {
  it('say their logs are not simulated; kindnetd writes its CNI configuration', () => {
    const k = run('kindnetd')
    expect(k.out).toBe('Podlab: the work of kindnetd is done by the simulated control plane; its own log lines are not simulated.\n')
    expect(k.cni).toEqual(['10-kindnet.conflist'])
    expect(run('pause').out).toBe('')
  })
})
