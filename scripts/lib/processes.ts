import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import readline from 'node:readline';

/**
 * Child processes of the start command. Each runs in its own process group
 * (`detached: true`) so that stopping it reaches everything it spawned in turn
 * (`next` forks workers, `tsx` runs a second node process), and so that a Ctrl-C
 * in the terminal reaches only us: we decide the order things stop in.
 */

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Child {
  name: string;
  pid: number;
  /** Resolves when the group leader has exited. */
  exited: Promise<ExitInfo>;
  running(): boolean;
  /** Polite signal to the whole group, SIGKILL after the grace period. */
  stop(): Promise<void>;
  /** Immediate: for a second Ctrl-C or a dying parent. */
  kill(): void;
}

export interface ChildOptions {
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** postgres wants SIGINT ("fast shutdown"); everything else SIGTERM. */
  stopSignal?: NodeJS.Signals;
  /** Signal for kill(); postgres prefers SIGQUIT (immediate shutdown) to SIGKILL. */
  killSignal?: NodeJS.Signals;
  graceMs?: number;
  /** Called with each output line; defaults to printing it prefixed with [name]. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  uid?: number;
  gid?: number;
}

const live = new Set<Child>();

export function startChild(name: string, command: string, args: string[], opts: ChildOptions): Child {
  const proc = spawn(command, args, {
    cwd: opts.cwd,
    env: opts.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    uid: opts.uid,
    gid: opts.gid,
  });
  const onLine = opts.onLine ?? ((line, stream) => prefixed(name, line, stream));
  readline.createInterface({ input: proc.stdout }).on('line', (l) => onLine(l, 'stdout'));
  readline.createInterface({ input: proc.stderr }).on('line', (l) => onLine(l, 'stderr'));

  let done = false;
  const exited = new Promise<ExitInfo>((resolve) => {
    proc.on('exit', (code, signal) => {
      done = true;
      resolve({ code, signal });
    });
    // spawn failures (ENOENT, EACCES) arrive as 'error' without an 'exit'.
    proc.on('error', (err) => {
      if (done) return;
      done = true;
      prefixed(name, `could not start ${command}: ${err.message}`, 'stderr');
      resolve({ code: 127, signal: null });
    });
  });
  const pid = proc.pid ?? -1;
  const child: Child = {
    name,
    pid,
    exited,
    running: () => !done || groupAlive(pid),
    stop: () => stopGroup(child, opts.stopSignal ?? 'SIGTERM', opts.graceMs ?? 5000),
    kill: () => signalGroup(pid, opts.killSignal ?? 'SIGKILL'),
  };
  live.add(child);
  void exited.then(() => {
    if (!groupAlive(pid)) live.delete(child);
  });
  return child;
}

/** Runs a command to completion; resolves with its exit code. */
export async function runStep(name: string, command: string, args: string[], opts: ChildOptions): Promise<number> {
  // Anything the step left running in its group stays tracked, and is stopped
  // with the rest at shutdown.
  const { code, signal } = await startChild(name, command, args, opts).exited;
  return code ?? (signal ? 128 : 1);
}

export function runningChildren(): Child[] {
  return [...live].filter((c) => c.running());
}

async function stopGroup(child: Child, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (!child.running()) return;
  signalGroup(child.pid, signal);
  const deadline = Date.now() + graceMs;
  // The leader exiting is not enough: its own children (next's workers) share the
  // group and may outlive it, so wait until the whole group is gone.
  while (child.running() && Date.now() < deadline) await sleep(100);
  if (child.running()) {
    prefixed(child.name, `still running after ${graceMs / 1000}s; killing`, 'stderr');
    child.kill();
    while (child.running() && Date.now() < deadline + 2000) await sleep(100);
  }
  live.delete(child);
}

function groupAlive(pid: number): boolean {
  if (pid <= 0) return false;
  if (existsSync('/proc/self/stat')) return liveGroupMembers(pid) > 0;
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false; // ESRCH: no process left in the group
  }
}

/**
 * kill(-pgid, 0) also succeeds for zombies, and where PID 1 does not reap orphans
 * (containers) a finished grandchild stays a zombie forever; so on Linux count
 * the group's members that are not zombies.
 */
function liveGroupMembers(pgid: number): number {
  let count = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited while we looked
    }
    // "pid (comm) state ppid pgrp ..."; comm may contain spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid && fields[0] !== 'Z') count++;
  }
  return count;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  if (pid <= 0) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

// Last resort if we exit without a clean shutdown (a crash in this script): the
// children are in their own groups, so nobody else would stop them.
process.on('exit', () => {
  for (const child of live) child.kill();
});

export function prefixed(name: string, line: string, stream: 'stdout' | 'stderr' = 'stdout'): void {
  (stream === 'stderr' ? process.stderr : process.stdout).write(`[${name}] ${line}\n`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
