import "katex/dist/katex.min.css";

export default function QuizzesLayout({ children }: { children: React.ReactNode }) {
  return <div className="mx-auto max-w-3xl">{children}</div>;
}
