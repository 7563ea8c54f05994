// Runs a command and measures its wall time; fails with its output when it fails.
import { spawn } from 'node:child_process';

/**
 * @param {string} command @param {string[]} args @param {{ cwd: string, env?: NodeJS.ProcessEnv }} options
 * @returns {Promise<{ ms: number, output: string }>}
 */
export function timedRun(command, args, { cwd, env }) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      if (code === 0) resolve({ ms, output });
      else reject(new Error(`${[command, ...args].join(' ')} failed (exit ${code}):\n${output}`));
    });
  });
}
