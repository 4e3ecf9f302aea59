// Install what a fresh clone lacks. `npm start` and `npm test` call this.
// - Always: the npm packages from the lockfile (npm ci) when node_modules is missing or older
//   than package-lock.json.
// - With --chromium (scripts/test-all.sh, before the e2e tests): a Chromium for Playwright. The
//   first that works wins: the one named by CHROMIUM_PATH; Debian's /usr/bin/chromium; the
//   Playwright Chromium already downloaded; Playwright's own, downloaded when the network
//   allows; Debian's `chromium` package through apt when running as root. The executable's path
//   is printed on stdout (nothing when none could be had); progress goes to stderr.
import { accessSync, constants, existsSync, statSync } from 'node:fs'
import { execFileSync, execSync } from 'node:child_process'
import { request } from 'node:https'

const log = (msg) => process.stderr.write(`${msg}\n`)

const lock = 'package-lock.json'
const marker = 'node_modules/.package-lock.json'
const stale = !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000)
if (stale) {
  log('Installing npm packages (npm ci)...')
  // stdout goes to stderr so that --chromium's stdout holds only the path.
  execSync('npm ci --no-audit --no-fund', { stdio: ['ignore', 2, 2] })
}

if (process.argv.includes('--chromium')) {
  const path = await findChromium()
  if (path) process.stdout.write(`${path}\n`)
  else log('warning: no Chromium found or installed; the e2e tests cannot run (set CHROMIUM_PATH)')
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK)
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/** Where Playwright keeps (or would download) its own Chromium. */
async function playwrightChromium() {
  try {
    const { chromium } = await import('playwright-core')
    return chromium.executablePath()
  } catch {
    return undefined
  }
}

/** A quick probe: can Playwright's download host be reached at all? Avoids a long hang offline. */
function online(host = 'cdn.playwright.dev') {
  return new Promise((resolve) => {
    const req = request({ host, method: 'HEAD', path: '/', timeout: 5000 }, (res) => {
      res.resume()
      resolve(true)
    })
    req.on('timeout', () => {
      req.destroy()
      resolve(false)
    })
    req.on('error', () => resolve(false))
    req.end()
  })
}

async function findChromium() {
  const named = process.env.CHROMIUM_PATH
  if (named) {
    if (isExecutable(named)) return named
    log(`warning: CHROMIUM_PATH=${named} is not an executable file; looking for another Chromium`)
  }
  if (isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium'
  const own = await playwrightChromium()
  if (own && isExecutable(own)) return own
  if (own && (await online())) {
    log("Downloading Playwright's Chromium (playwright install chromium)...")
    try {
      execFileSync(process.execPath, ['node_modules/@playwright/test/cli.js', 'install', 'chromium'], { stdio: ['ignore', 2, 2], timeout: 10 * 60_000 })
      if (isExecutable(own)) return own
    } catch (e) {
      log(`warning: playwright install chromium failed: ${e.message.split('\n')[0]}`)
    }
  }
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    log("Installing Debian's chromium (apt-get install chromium)...")
    try {
      execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: ['ignore', 2, 2], timeout: 15 * 60_000 })
      if (isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium'
    } catch (e) {
      log(`warning: apt-get install chromium failed: ${e.message.split('\n')[0]}`)
    }
  }
  return undefined
}
