/**
 * Pages the note page frames (its widgets): no site header or padding. The document around
 * them, theme script included, is the root layout's, so dark mode follows the note page.
 */
export default function EmbedLayout({ children }: { children: React.ReactNode }) {
  return <main>{children}</main>;
}
