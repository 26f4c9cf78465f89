"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { setTimeZone } from "@/app/lib/server/actions/set-time-zone";
import { useDeviceTimeZone } from "./device-zone";

const keptKey = (device: string, stored: string) => `paperdeck:zone-kept:${stored}:${device}`;
const noSubscription = () => () => {};

/**
 * When this device is in another zone than the one the user's study days follow (a trip, a
 * new laptop, an account made before zones were detected), offers to switch. "Keep" is
 * remembered on this device for this pair of zones, so the offer does not nag.
 */
export function TimeZoneOffer({ stored }: { stored: string }) {
  const t = useTranslations("zoneOffer");
  const router = useRouter();
  const device = useDeviceTimeZone();
  const keptBefore = useSyncExternalStore(
    noSubscription,
    () => (device ? localStorage.getItem(keptKey(device, stored)) === "1" : false),
    () => false,
  );
  const [closed, setClosed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  if (!device || device === stored || keptBefore || closed) return null;

  async function switchZone(zone: string) {
    setPending(true);
    setError(null);
    const result = await setTimeZone({ timeZone: zone }).catch(() => null);
    setPending(false);
    if (!result?.ok) {
      setError(result?.error ?? t("unreachable"));
      return;
    }
    setClosed(true);
    router.refresh();
  }
  function keep() {
    localStorage.setItem(keptKey(device!, stored), "1");
    setClosed(true);
  }

  return (
    <div
      role="region"
      aria-label={t("label")}
      data-testid="zone-offer"
      className="mb-4 rounded-md border border-accent-200 bg-accent-50 px-4 py-3 text-sm dark:border-slate-700 dark:bg-slate-800"
    >
      <p>
        {t.rich("body", { device, stored, strong: (chunks) => <strong>{chunks}</strong> })}
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          type="button"
          disabled={pending}
          onClick={() => void switchZone(device)}
          className="rounded-md bg-accent-600 px-3 py-1 text-white hover:bg-accent-700 disabled:opacity-60"
        >
          {pending ? t("switching") : t("switchTo", { zone: device })}
        </button>
        <button type="button" onClick={keep} className="rounded-md border border-slate-300 px-3 py-1 dark:border-slate-600">
          {t("keep", { zone: stored })}
        </button>
      </div>
      {error && <p role="alert" className="mt-2 text-red-600 dark:text-red-400">{error}</p>}
    </div>
  );
}
