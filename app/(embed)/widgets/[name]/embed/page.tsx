import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isWidgetName, widgetNames } from "@/app/ui/widgets/names";
import { WidgetEmbed } from "@/app/ui/widgets/widget-embed";

// One static page per widget; the note page frames it (next.config.ts lets only this route be framed, by this site).
export const dynamicParams = false;
export function generateStaticParams() {
  return widgetNames.map((name) => ({ name }));
}

export const metadata: Metadata = { title: "Interactive figure", robots: { index: false } };

export default async function WidgetEmbedPage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  if (!isWidgetName(name)) notFound();
  return <WidgetEmbed name={name} />;
}
