/**
 * Reading positions: where the reader left each article (how far down, and the heading above that point), kept in
 * `storage.local` on this machine only, so the same article opened again in any surface resumes there. At most
 * MAX_POSITIONS are kept and none older than MAX_AGE_DAYS; "Forget reading positions" clears them all.
 */
import { browser } from './browser';

export interface Position {
  /** 0..1: how much of the view had been scrolled past. */
  fraction: number;
  /** The text of the last heading above the top of the view, if any: found again even if the layout changed. */
  heading: string | null;
  /** When it was saved (ms since the epoch). */
  at: number;
}

export const POSITIONS_KEY = 'positions';
export const MAX_POSITIONS = 200;
export const MAX_AGE_DAYS = 90;
const DAY = 86_400_000;

/** The key of an article's address: without its fragment (a #section is the same article). */
export function positionKey(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

function isPosition(value: unknown): value is Position {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Position>;
  return typeof v.fraction === 'number' && v.fraction >= 0 && v.fraction <= 1 && typeof v.at === 'number'
    && (v.heading === null || typeof v.heading === 'string');
}

/** Whatever storage held -> the valid, unexpired positions, newest first, at most MAX_POSITIONS. */
export function prune(raw: unknown, now = Date.now()): Record<string, Position> {
  if (typeof raw !== 'object' || raw === null) return {};
  const kept = Object.entries(raw as Record<string, unknown>)
    .filter((entry): entry is [string, Position] => isPosition(entry[1]) && now - entry[1].at < MAX_AGE_DAYS * DAY)
    .sort((a, b) => b[1].at - a[1].at)
    .slice(0, MAX_POSITIONS);
  return Object.fromEntries(kept);
}

async function load(): Promise<Record<string, Position>> {
  try {
    return prune((await browser.storage.local.get(POSITIONS_KEY))[POSITIONS_KEY]);
  } catch {
    return {};
  }
}

export async function getPosition(url: string): Promise<Position | null> {
  return (await load())[positionKey(url)] ?? null;
}

export async function savePosition(url: string, position: Omit<Position, 'at'>, now = Date.now()): Promise<void> {
  const all = await load();
  all[positionKey(url)] = { ...position, heading: position.heading?.slice(0, 300) ?? null, at: now };
  await browser.storage.local.set({ [POSITIONS_KEY]: prune(all, now) });
}

export async function forgetPosition(url: string): Promise<void> {
  const all = await load();
  delete all[positionKey(url)];
  await browser.storage.local.set({ [POSITIONS_KEY]: all });
}

export async function forgetPositions(): Promise<void> {
  await browser.storage.local.remove(POSITIONS_KEY);
}
