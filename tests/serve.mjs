// serve.mjs — starts `gongkai serve` for the Node test suites (browser,
// API contract) and learns its port from the server itself.
//
// The server is asked for port 0 (unless a port is given): it binds a free
// port and prints "gongkai: serving http://HOST:PORT/ with N threads" on
// stderr.  Picking a port here and handing it over would race with the other
// suites tests/run_all.sh runs beside this one, and a readiness probe could
// then reach another suite's server.
import { spawn } from 'node:child_process';

const SERVING = /gongkai: serving http:\/\/[^ ]*:(\d+)\/ with/;

// Resolves to { proc, base, port, log() } once the server listens; rejects
// with the server's output when it exits first or is silent for 20 s.
export function serveGongkai(bin, db, { port = 0, args = ['--threads', '2'], env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const proc = spawn(bin, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`, ...args],
      { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, GONGKAI_KEY: '0f'.repeat(32), ...env } });
    let log = '';
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      proc.kill('SIGKILL');
      reject(new Error(`server did not start: ${log.slice(-2000)}`));
    }, 20000);
    proc.stderr.on('data', (d) => {
      log += d;
      const m = !done && log.match(SERVING);
      if (!m) return;
      done = true;
      clearTimeout(timer);
      const p = Number(m[1]);
      resolve({ proc, port: p, base: `http://127.0.0.1:${p}`, log: () => log });
    });
    proc.on('exit', (code) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      reject(new Error(`server exited (${code}): ${log.slice(-2000)}`));
    });
  });
}
