"use client";
import { useSyncExternalStore } from "react";

/** The device's IANA time zone ("" when the browser does not say). */
export function deviceTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";
  } catch {
    return "";
  }
}

const noSubscription = () => () => {};

/**
 * The device's zone, or null while rendering on the server and hydrating: the server's own zone
 * is not the visitor's, and reading it during render made the page differ from its HTML.
 */
export function useDeviceTimeZone(): string | null {
  return useSyncExternalStore(noSubscription, deviceTimeZone, () => null);
}

let zoneList: string[] | undefined;
function supportedZones(): string[] {
  zoneList ??= typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return zoneList;
}
const noZones: string[] = [];

/**
 * Every zone this browser knows, after hydration (Node's list and the browser's differ, so the
 * server renders only the current choice). The current choice is always an option.
 */
export function useTimeZoneOptions(current: string): string[] {
  const zones = useSyncExternalStore(noSubscription, supportedZones, () => noZones);
  return zones.includes(current) ? zones : [current, ...zones];
}
