// The official httpd image (2.4): httpd-foreground execs `httpd -DFOREGROUND`, the event MPM. Its
// error log goes to stderr: AH00558 twice (the configuration is read twice, and ServerName is not
// set, so the hostname's address from /etc/hosts is used), then the MPM and core notices. Lines
// as httpd 2.4.62 containers log them ("[Sun Nov 22 09:00:10.123000 2026] [module:level]
// [pid 1:tid 1] AHnnnnn: ...", apr_ctime with microseconds).
// Stopping (server/mpm/event/event.c): the image's STOPSIGNAL is SIGWINCH, the graceful stop
// (AH00492); SIGTERM and SIGINT stop at once (AH00491, whichever of the two it was). Exit 0.
// Only the image's own command is simulated; other arguments change what httpd does, so the
// program says it does not simulate them.
import type { Program } from './program'

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** ap_recent_ctime_ex with AP_CTIME_OPTION_USEC: "Sun Nov 22 09:00:10.123000 2026". */
export function httpdTime(ms: number): string {
  const d = new Date(ms)
  const p = (n: number, w = 2) => String(n).padStart(w, '0')
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds() * 1000, 6)} ${d.getUTCFullYear()}`
}

export const httpd: Program = (ctx) => {
  const version = ctx.env.HTTPD_VERSION ?? '2.4.62'
  const own = ctx.argv.length === 1 && ctx.argv[0].split('/').pop() === 'httpd-foreground'
  let stopped = false
  const stop = () => {
    stopped = true
    ctx.exit(0)
  }
  if (!own || !ctx.ip) {
    ctx.stderr(`Podlab: the httpd image running ${JSON.stringify(ctx.argv.join(' '))} is not simulated yet; the container keeps running without its log lines.\n`)
    return {
      signal(sig) {
        if (sig !== 'SIGKILL' && !stopped) stop()
      },
    }
  }
  const notice = (module: string, msg: string) => `[${httpdTime(ctx.now())}] [${module}:notice] [pid 1:tid 1] ${msg}`
  const ah00558 = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ctx.ip}. Set the 'ServerName' directive globally to suppress this message`
  ctx.stderr(
    [
      ah00558,
      ah00558,
      notice('mpm_event', `AH00489: Apache/${version} (Unix) configured -- resuming normal operations`),
      notice('core', "AH00094: Command line: 'httpd -D FOREGROUND'"),
    ].join('\n') + '\n',
  )
  return {
    signal(sig) {
      if (stopped || sig === 'SIGKILL') return
      // httpd installs no SIGQUIT handler: the default action ends it, 128 + 3.
      if (sig === 'SIGQUIT') {
        stopped = true
        return ctx.exit(131)
      }
      if (sig === 'SIGWINCH') ctx.stderr(notice('mpm_event', 'AH00492: caught SIGWINCH, shutting down gracefully') + '\n')
      else ctx.stderr(notice('mpm_event', 'AH00491: caught SIGTERM, shutting down') + '\n')
      stop()
    },
  }
}
